package dev.bulwark.policy.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bulwark.policy.document.InvalidFieldException;

/**
 * The resource envelope a container should stay within; any field may be left out. A sample above a limit is a
 * statistical anomaly: it alerts, unless {@code runtime.learning.anomalies} says block.
 *
 * @param cpuCores  CPU in cores (0.5 is half of one core)
 * @param memoryMiB memory in MiB
 * @param pids      processes and threads
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceLimits(Double cpuCores, Long memoryMiB, Long pids) {

    public ResourceLimits {
        if (cpuCores != null && !(cpuCores > 0)) {
            throw new InvalidFieldException("cpuCores", "resources.cpuCores must be above 0, such as 0.5 (half a core)");
        }
        if (memoryMiB != null && memoryMiB <= 0) {
            throw new InvalidFieldException("memoryMiB", "resources.memoryMiB must be above 0, such as 256");
        }
        if (pids != null && pids <= 0) {
            throw new InvalidFieldException("pids", "resources.pids must be above 0, such as 64");
        }
    }

    public static ResourceLimits none() {
        return new ResourceLimits(null, null, null);
    }

    /** What in the sample goes over a limit, in words; empty when nothing does. */
    public String breach(Observation.ResourceSample sample) {
        StringBuilder over = new StringBuilder();
        if (cpuCores != null && sample.cpu() > cpuCores) {
            over.append(String.format(java.util.Locale.ROOT, "CPU %.2f cores (limit %.2f)", sample.cpu(), cpuCores));
        }
        long mib = sample.memoryBytes() / (1024 * 1024);
        if (memoryMiB != null && mib > memoryMiB) {
            over.append(over.isEmpty() ? "" : ", ").append("memory ").append(mib).append(" MiB (limit ").append(memoryMiB).append(")");
        }
        if (pids != null && sample.pids() > pids) {
            over.append(over.isEmpty() ? "" : ", ").append(sample.pids()).append(" processes (limit ").append(pids).append(")");
        }
        return over.toString();
    }
}
