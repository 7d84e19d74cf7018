package dev.bulwark.plugin;

import dev.bulwark.gate.GateSummary;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code bulwarkGate(image: …, stage: …, policy: …)}: the gate as a Pipeline step. Returns
 * {@code [verdict: …, findings: n]}; a fail verdict fails the build (or marks it unstable, as onFail says).
 */
public final class BulwarkGateStep extends Step {

    private final String image;
    private final String stage;
    private final String policy;
    private String onWarn = "UNSTABLE";
    private String onFail = "FAILURE";
    private String reportDir = "bulwark-reports";
    private boolean notify = true;
    private String jiraCredentialsId = "";
    private String slackCredentialsId = "";

    @DataBoundConstructor
    public BulwarkGateStep(String image, String stage, String policy) {
        this.image = image;
        this.stage = stage;
        this.policy = policy;
    }

    public String getImage() { return image; }
    public String getStage() { return stage; }
    public String getPolicy() { return policy; }
    public String getOnWarn() { return onWarn; }
    public String getOnFail() { return onFail; }
    public String getReportDir() { return reportDir; }
    public boolean isNotify() { return notify; }
    public String getJiraCredentialsId() { return jiraCredentialsId; }
    public String getSlackCredentialsId() { return slackCredentialsId; }

    @DataBoundSetter public void setOnWarn(String onWarn) { this.onWarn = onWarn; }
    @DataBoundSetter public void setOnFail(String onFail) { this.onFail = onFail; }
    @DataBoundSetter public void setReportDir(String reportDir) { this.reportDir = reportDir; }
    @DataBoundSetter public void setNotify(boolean notify) { this.notify = notify; }
    @DataBoundSetter public void setJiraCredentialsId(String id) { this.jiraCredentialsId = id == null ? "" : id; }
    @DataBoundSetter public void setSlackCredentialsId(String id) { this.slackCredentialsId = id == null ? "" : id; }

    GateStepOptions options() {
        return GateStepOptions.of(image, stage, policy, onWarn, onFail, reportDir, notify,
                jiraCredentialsId, slackCredentialsId);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, options());
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final GateStepOptions options;

        Execution(StepContext context, GateStepOptions options) {
            super(context);
            this.options = options;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext context = getContext();
            GateSummary summary = JenkinsGate.run(options, context.get(Run.class), context.get(FilePath.class),
                    context.get(EnvVars.class), context.get(TaskListener.class));
            Map<String, Object> result = new HashMap<>(); // kept in the Pipeline's program state: plainly serializable
            result.put("verdict", summary.verdict());
            result.put("findings", summary.findings());
            return result;
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, EnvVars.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "bulwarkGate";
        }

        @Override
        public String getDisplayName() {
            return "Bulwark: scan and judge a container image";
        }
    }
}
