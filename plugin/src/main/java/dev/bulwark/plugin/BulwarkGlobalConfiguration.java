package dev.bulwark.plugin;

import hudson.Extension;
import hudson.ExtensionList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Bulwark in Manage Jenkins » System: the named policies steps judge by. Configuration as Code writes it as
 * {@code unclassified: bulwark: policies: [{name: …, yaml: …}]}.
 */
@Extension
@Symbol("bulwark")
public final class BulwarkGlobalConfiguration extends GlobalConfiguration {

    private List<NamedPolicy> policies = new ArrayList<>();

    public BulwarkGlobalConfiguration() {
        load();
    }

    public static BulwarkGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(BulwarkGlobalConfiguration.class);
    }

    public List<NamedPolicy> getPolicies() {
        return policies;
    }

    @DataBoundSetter
    public void setPolicies(List<NamedPolicy> policies) {
        this.policies = policies == null ? new ArrayList<>() : new ArrayList<>(policies);
        save();
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        policies = new ArrayList<>(); // a form with every policy deleted sends none, and binds nothing
        req.bindJSON(this, json);
        save();
        return true;
    }

    /** The policy of that name, if there is one. */
    public Optional<NamedPolicy> policy(String name) {
        return policies.stream().filter(policy -> policy.getName().equals(name)).findFirst();
    }
}
