package dev.bulwark.policy.runtime;

import java.util.List;
import java.util.Optional;

/**
 * The program a multi-call binary (busybox, toybox) runs, as the binary itself picks it: by the base name of
 * {@code argv[0]} without a login shell's leading {@code -}, and when that names the binary itself
 * ({@code busybox sh -c …}, also under another name such as {@code busybox-x86_64}), by {@code argv[1]}.
 */
public final class Applets {

    private Applets() {
    }

    /** The applet's name as the binary reads it from {@code argv}, or empty when argv names none. */
    public static Optional<String> name(List<String> argv) {
        if (argv.isEmpty()) {
            return Optional.empty();
        }
        String name = baseName(argv.get(0));
        if (multiCall(name) && argv.size() > 1) {
            name = baseName(argv.get(1));
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /**
     * The applet path: the executable's directory joined with the applet's name, when that differs from the
     * executable's own name.
     */
    public static Optional<String> path(String executable, List<String> argv) {
        String base = executable.substring(executable.lastIndexOf('/') + 1);
        return name(argv).filter(name -> !name.equals(base))
                .map(name -> executable.substring(0, executable.lastIndexOf('/') + 1) + name);
    }

    /** Whether a program's base name is that of a multi-call binary ({@code busybox}, {@code busybox-x86_64}, {@code toybox}). */
    public static boolean multiCall(String baseName) {
        return baseName.startsWith("busybox") || baseName.equals("toybox");
    }

    private static String baseName(String arg) {
        String base = arg.substring(arg.lastIndexOf('/') + 1);
        return base.startsWith("-") ? base.substring(1) : base;
    }
}
