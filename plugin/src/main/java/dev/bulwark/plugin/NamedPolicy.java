package dev.bulwark.plugin;

import dev.bulwark.policy.load.PolicyLoadException;
import dev.bulwark.policy.load.PolicyLoader;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A Bulwark policy kept in Jenkins' global configuration under a name, checked by the policy engine when saved. */
public final class NamedPolicy extends AbstractDescribableImpl<NamedPolicy> {

    private final String name;
    private final String yaml;

    @DataBoundConstructor
    public NamedPolicy(String name, String yaml) {
        this.name = name == null ? "" : name.strip();
        this.yaml = yaml == null ? "" : yaml;
    }

    public String getName() {
        return name;
    }

    public String getYaml() {
        return yaml;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<NamedPolicy> {

        @Override
        public String getDisplayName() {
            return "Bulwark policy";
        }

        /** The policy engine's own check: the same errors, with line and column, as bulwark policy validate. */
        @POST
        public FormValidation doCheckYaml(@QueryParameter String name, @QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            try {
                new PolicyLoader().parse(name.isBlank() ? "policy" : name, value.getBytes(StandardCharsets.UTF_8), Path.of("."));
                return FormValidation.ok();
            } catch (PolicyLoadException | IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
