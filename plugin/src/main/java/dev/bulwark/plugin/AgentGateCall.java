package dev.bulwark.plugin;

import dev.bulwark.gate.GateJob;
import dev.bulwark.gate.GateJobs;
import dev.bulwark.gate.GateSummary;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the gate on the machine that holds the workspace, where the image was built, logging to the build's log.
 * Holds only serializable values: it travels to the agent.
 */
final class AgentGateCall extends MasterToSlaveFileCallable<GateSummary> {

    private static final long serialVersionUID = 1L;

    private final GateStepOptions options;
    private final String image;
    private final String policyName;
    private final String policyYaml;
    private final HashMap<String, String> secrets;
    private final String buildUrl;
    private final TaskListener listener;

    AgentGateCall(GateStepOptions options, String image, NamedPolicy policy, Map<String, String> secrets, String buildUrl,
                  TaskListener listener) {
        this.options = options;
        this.image = image;
        this.policyName = policy.getName();
        this.policyYaml = policy.getYaml();
        this.secrets = new HashMap<>(secrets);
        this.buildUrl = buildUrl;
        this.listener = listener;
    }

    @Override
    public GateSummary invoke(File workspace, VirtualChannel channel) {
        List<String> reports = new ArrayList<>(options.reports());
        GateJob job = new GateJob(image, options.stage(), policyName, policyYaml, workspace.toPath(), reports, options.notify(),
                secrets, buildUrl == null ? Optional.empty() : Optional.of(URI.create(buildUrl)));
        PrintWriter log = new PrintWriter(new OutputStreamWriter(listener.getLogger(), StandardCharsets.UTF_8), true);
        String version = GateJobs.class.getPackage().getImplementationVersion();
        return GateJobs.run(job, log, version == null ? "unknown" : version);
    }
}
