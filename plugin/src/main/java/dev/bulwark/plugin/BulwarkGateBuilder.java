package dev.bulwark.plugin;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** The gate as a freestyle build step: the same options and the same run as {@link BulwarkGateStep}. */
public final class BulwarkGateBuilder extends Builder implements SimpleBuildStep {

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
    public BulwarkGateBuilder(String image, String stage, String policy) {
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

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        JenkinsGate.run(GateStepOptions.of(image, stage, policy, onWarn, onFail, reportDir,
                notify, jiraCredentialsId, slackCredentialsId), run, workspace, env, listener);
    }

    @Extension
    @Symbol("bulwarkGateBuilder")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return "Bulwark: scan and judge a container image";
        }
    }
}
