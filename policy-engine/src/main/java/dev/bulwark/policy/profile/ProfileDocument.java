package dev.bulwark.policy.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.bulwark.policy.runtime.Outbound;
import dev.bulwark.policy.runtime.ResourceLimits;
import dev.bulwark.policy.runtime.RuntimeMode;
import java.util.List;
import java.util.Map;

/**
 * A profile as policy-as-code: {@code runtime} is written exactly as a policy's runtime section (its rules are what
 * the profile learned), {@code learned} holds what the rules cannot say (who starts what, as which user, the health
 * check's programs, credential files read), {@code metadata} says what it belongs to, where it was learned and how
 * sure it is, and {@code exercised} how often each behaviour was seen: in how many live intervals, per signal.
 */
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "runtime", "learned", "exercised"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProfileDocument(String apiVersion, String kind, Metadata metadata, Runtime runtime, Learned learned,
                              Map<String, Map<String, Long>> exercised) {

    public static final String KIND = "Profile";

    /**
     * @param image         the image ID or digest
     * @param repository    the repository it came from
     * @param workload      the workload
     * @param status        {@code learning}, {@code provisional}, {@code converged} or {@code pinned}
     * @param source        where it was learned: {@code ci} for {@code bulwark profile learn}; on a host, empty or
     *                      where the CI profile it started from came from
     * @param learnedFrom   when learning started
     * @param learnedTo     when it last changed
     * @param liveIntervals intervals with live activity
     * @param signals       per signal: its mode and the confidence that nothing unseen remains
     */
    @JsonPropertyOrder({"image", "repository", "workload", "status", "source", "learnedFrom", "learnedTo", "liveIntervals",
            "signals"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Metadata(String image, String repository, String workload, String status, String source,
                           String learnedFrom, String learnedTo, Long liveIntervals, Map<String, SignalSummary> signals) {
    }

    /** A signal's mode and confidence (one minus its missing-mass estimate). */
    @JsonPropertyOrder({"mode", "confidence"})
    public record SignalSummary(RuntimeMode mode, double confidence) {
    }

    /** The runtime section: the profile's mode and the rules it learned. */
    @JsonPropertyOrder({"defaultMode", "rules"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Runtime(RuntimeMode defaultMode, Rules rules) {
    }

    /** The learned rules, in the policy's words. */
    @JsonPropertyOrder({"allowedExecutables", "listeningPorts", "writablePaths", "outbound", "resources"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Rules(List<String> allowedExecutables, List<Integer> listeningPorts, List<String> writablePaths,
                        Outbound outbound, ResourceLimits resources) {
    }

    /** What the runtime rules cannot say. */
    @JsonPropertyOrder({"execEdges", "execUsers", "execModes", "healthchecks", "sensitiveReads", "listening"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Learned(List<String> execEdges, List<String> execUsers, List<String> execModes, List<String> healthchecks,
                          List<String> sensitiveReads, List<String> listening) {
    }
}
