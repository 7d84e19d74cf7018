package dev.bulwark.agent.admission;

import dev.bulwark.policy.runtime.AdmissionRules;
import dev.bulwark.policy.runtime.PathGlob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Host paths as the kernel will mount them: a bind mount follows links, so {@code /var/run} is {@code /run} and
 * {@code /var/run/docker.sock} is {@code /run/docker.sock}. Both the asked-for paths and the denied ones are taken
 * with their links resolved on this host, besides as written.
 */
final class HostPaths {

    private HostPaths() {
    }

    /** Each path as written (normalised) and, when it exists, with its links resolved. */
    static List<String> resolved(List<String> paths) {
        Set<String> all = new LinkedHashSet<>();
        for (String path : paths) {
            String normal = PathGlob.normalize(path);
            all.add(normal);
            real(normal).ifPresent(all::add);
        }
        return List.copyOf(all);
    }

    /** The admission rules with every denied path also under its resolved name ({@code /run/docker.sock}). */
    static AdmissionRules resolved(AdmissionRules rules) {
        List<String> denied = new ArrayList<>(rules.deniedMounts());
        for (String glob : rules.deniedMounts()) {
            int wild = firstWildcard(glob);
            int cut = wild < 0 ? glob.length() : glob.lastIndexOf('/', wild);
            if (cut <= 0) {
                continue;
            }
            String fixed = glob.substring(0, cut);
            real(fixed).filter(real -> !real.equals(fixed)).ifPresent(real -> denied.add(real + glob.substring(cut)));
        }
        return new AdmissionRules(rules.privileged(), rules.deniedCapabilities(), rules.hostNamespaces(), List.copyOf(new LinkedHashSet<>(denied)),
                rules.requiredVerdict(), rules.runAsNonRoot());
    }

    /** The path with the links of its longest existing ancestor resolved: {@code /var/run/absent} is {@code /run/absent}. */
    private static Optional<String> real(String path) {
        Path file = Path.of(path);
        Path rest = Path.of("");
        while (file != null && !Files.exists(file)) {
            rest = file.getFileName().resolve(rest);
            file = file.getParent();
        }
        if (file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PathGlob.normalize(file.toRealPath().resolve(rest).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve the links of host path " + path + ": " + e.getMessage(), e);
        }
    }

    private static int firstWildcard(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            if ("*?[{".indexOf(glob.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
