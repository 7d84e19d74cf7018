package dev.bulwark.plugin;

import dev.bulwark.gate.BuildResult;
import java.io.Serializable;
import java.util.List;

/**
 * The options the pipeline step and the freestyle build step share, as plain values.
 *
 * @param image              the image to judge
 * @param stage              the policy's stage
 * @param policy             the name of a policy in Jenkins' global configuration
 * @param onWarn             the build result of a warn verdict
 * @param onFail             the build result of a fail verdict
 * @param reportDir          where in the workspace the reports go
 * @param notify             whether to file tickets and send messages as the policy says
 * @param jiraCredentialsId  a username-with-password credential: Jira e-mail and API token (or empty)
 * @param slackCredentialsId a secret-text credential: Slack webhook URL (or empty)
 */
record GateStepOptions(String image, String stage, String policy, BuildResult onWarn, BuildResult onFail, String reportDir,
                       boolean notify, String jiraCredentialsId, String slackCredentialsId) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The options as the steps' data-bound fields hold them; the build results are checked here, for both steps. */
    static GateStepOptions of(String image, String stage, String policy, String onWarn, String onFail, String reportDir,
                              boolean notify, String jiraCredentialsId, String slackCredentialsId) {
        return new GateStepOptions(image, stage, policy, BuildResult.parse(onWarn), BuildResult.parse(onFail), reportDir, notify,
                jiraCredentialsId, slackCredentialsId);
    }

    /** The reports every run writes: JUnit and SARIF for the build page, HTML and JSON to archive. */
    List<String> reports() {
        return List.of("junit=" + reportDir + "/bulwark-junit.xml", "sarif=" + reportDir + "/bulwark.sarif",
                "html=" + reportDir + "/bulwark.html", "json=" + reportDir + "/bulwark.json");
    }
}
