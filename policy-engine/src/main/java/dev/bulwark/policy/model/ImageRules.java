package dev.bulwark.policy.model;

import dev.bulwark.policy.document.InvalidFieldException;
import java.util.List;

/**
 * Rules on the image's configuration.
 *
 * @param runAsRoot       what to do when the image runs as root (no USER, root or 0)
 * @param requiredLabels  labels the image must carry
 * @param forbiddenPorts  ports the image must not EXPOSE
 * @param maxSizeMb       the largest image allowed, in MiB
 * @param endOfLifeDistro what to do when the image's OS release no longer gets security updates
 */
public record ImageRules(Action runAsRoot, RequiredLabels requiredLabels, ForbiddenPorts forbiddenPorts,
                         MaxSize maxSizeMb, Action endOfLifeDistro) {

    /** Labels an image must carry. */
    public record RequiredLabels(Action action, List<String> labels) {
        public RequiredLabels {
            action = action == null ? Action.FAIL : action;
            labels = List.copyOf(labels == null ? List.of() : labels);
        }
    }

    /** Ports an image must not expose ({@code 22} for any protocol, or {@code 53/udp}). */
    public record ForbiddenPorts(Action action, List<String> ports) {
        public ForbiddenPorts {
            action = action == null ? Action.FAIL : action;
            ports = List.copyOf(ports == null ? List.of() : ports);
            for (String port : ports) {
                if (!port.matches("\\d{1,5}(/(tcp|udp|sctp))?")) {
                    throw new InvalidFieldException("ports", "forbidden port '" + port + "' is not a port: write 22 or 53/udp");
                }
            }
        }
    }

    /** The largest image size allowed. */
    public record MaxSize(Action action, Long limit) {
        public MaxSize {
            action = action == null ? Action.FAIL : action;
            if (limit == null || limit <= 0) {
                throw new InvalidFieldException("limit", "maxSizeMb needs a limit above 0, in MiB: write limit: 500");
            }
        }
    }

    ImageRules overriddenBy(ImageRules child) {
        if (child == null) {
            return this;
        }
        return new ImageRules(Merge.pick(child.runAsRoot, runAsRoot), Merge.pick(child.requiredLabels, requiredLabels),
                Merge.pick(child.forbiddenPorts, forbiddenPorts), Merge.pick(child.maxSizeMb, maxSizeMb),
                Merge.pick(child.endOfLifeDistro, endOfLifeDistro));
    }
}
