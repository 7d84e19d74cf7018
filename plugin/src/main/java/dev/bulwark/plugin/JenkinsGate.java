package dev.bulwark.plugin;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import dev.bulwark.gate.BuildResult;
import dev.bulwark.gate.GateSummary;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * What both steps do in Jenkins: look up the policy and the credentials, run the gate where the workspace is
 * ({@link dev.bulwark.gate.GateJobs}, through {@link AgentGateCall}), and turn its summary into the build's result
 * and a {@link BulwarkReportAction}. Every decision is the gate module's; this class only moves values.
 */
final class JenkinsGate {

    private JenkinsGate() {
    }

    static GateSummary run(GateStepOptions options, Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener)
            throws IOException, InterruptedException {
        NamedPolicy policy = BulwarkGlobalConfiguration.get().policy(options.policy()).orElseThrow(() -> new AbortException(
                "Bulwark: there is no policy named '" + options.policy() + "' in Manage Jenkins » System » Bulwark; add it there"));
        Map<String, String> secrets = new HashMap<>();
        if (!options.jiraCredentialsId().isEmpty()) {
            StandardUsernamePasswordCredentials jira = credential(options.jiraCredentialsId(), StandardUsernamePasswordCredentials.class, run);
            secrets.put("JIRA_EMAIL", jira.getUsername());
            secrets.put("JIRA_API_TOKEN", jira.getPassword().getPlainText());
        }
        if (!options.slackCredentialsId().isEmpty()) {
            secrets.put("SLACK_WEBHOOK_URL", credential(options.slackCredentialsId(), StringCredentials.class, run).getSecret().getPlainText());
        }
        GateSummary summary;
        try {
            summary = workspace.act(new AgentGateCall(options, env.expand(options.image()), policy, secrets, env.get("BUILD_URL"), listener));
        } catch (RuntimeException e) {
            // Bulwark's errors say what is wrong and how to fix it; a scan error is never a verdict.
            throw new AbortException("Bulwark could not judge " + options.image() + ": " + e.getMessage());
        }
        run.addAction(new BulwarkReportAction(summary));
        BuildResult result = BuildResult.after(summary.verdict(), options.onWarn(), options.onFail());
        String line = "Bulwark: " + summary.image() + " at stage " + summary.stage() + ": " + summary.verdict().toUpperCase(java.util.Locale.ROOT)
                + " (" + summary.findings() + " findings; reports in " + options.reportDir() + ")";
        if (result == BuildResult.FAILURE) {
            throw new AbortException(line);
        }
        listener.getLogger().println(line);
        if (result == BuildResult.UNSTABLE) {
            run.setResult(Result.UNSTABLE);
        }
        return summary;
    }

    private static <C extends com.cloudbees.plugins.credentials.common.IdCredentials> C credential(String id, Class<C> type, Run<?, ?> run)
            throws AbortException {
        C found = CredentialsProvider.findCredentialById(id, type, run);
        if (found == null) {
            throw new AbortException("Bulwark: no " + type.getSimpleName() + " credential with id '" + id
                    + "' is visible to this build: add it in Manage Jenkins » Credentials, or fix the id");
        }
        return found;
    }
}
