package dev.bulwark.policy.profile;

import dev.bulwark.policy.runtime.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a program is run, beyond which program it is: an allowed interpreter can run any code it is handed, and
 * loader variables put code into any program. Both are high-risk novelty to a profile that never saw them: an
 * interpreter given code inline ({@code python3 -c}, {@code perl -e}, {@code node --eval}, {@code sh -c}) where it
 * never was, and a program started with {@code LD_PRELOAD}, {@code LD_LIBRARY_PATH} or {@code LD_AUDIT} set to what
 * it never had.
 */
final class ExecModes {

    /** Interpreter names (version suffixes aside) and the options that hand them code inline. */
    private static final Map<String, Set<String>> INLINE = Map.of(
            "python", Set.of("-c"),
            "perl", Set.of("-e", "-E"),
            "ruby", Set.of("-e"),
            "node", Set.of("-e", "--eval", "-p", "--print"),
            "php", Set.of("-r"),
            "lua", Set.of("-e"),
            "sh", Set.of("-c"));
    private static final Pattern VERSIONED = Pattern.compile("^([a-z]+?)[0-9.]*$");

    private ExecModes() {
    }

    /** The exec-mode behaviours of an exec of {@code program}: none for a plain run. */
    static List<Behaviour> of(Observation.ProcessExec exec, String program) {
        List<Behaviour> behaviours = new ArrayList<>();
        inlineOption(program, exec.argv()).ifPresent(option -> behaviours.add(new Behaviour(Signal.EXEC_MODES,
                program + " " + option, true, program + " was given code inline (" + option + "), which it never was")));
        for (String variable : exec.loader()) {
            behaviours.add(new Behaviour(Signal.EXEC_MODES, program + " " + variable, true,
                    program + " was started with " + variable + ", which it never was"));
        }
        return behaviours;
    }

    /** The option that hands the interpreter code inline, if it was given one. */
    private static java.util.Optional<String> inlineOption(String program, List<String> argv) {
        String name = program.substring(program.lastIndexOf('/') + 1);
        String family = Behaviours.SHELLS.contains(name) ? "sh" : family(name);
        Set<String> options = INLINE.get(family);
        if (options == null || argv.size() < 2) {
            return java.util.Optional.empty();
        }
        for (String argument : argv.subList(1, argv.size())) {
            if (options.contains(argument)) {
                return java.util.Optional.of(argument);
            }
            if (family.equals("sh") && argument.startsWith("-") && !argument.startsWith("--") && argument.contains("c")) {
                return java.util.Optional.of("-c"); // sh -ec, sh -xc
            }
            if (!argument.startsWith("-")) {
                return java.util.Optional.empty(); // a script file: its options come after it
            }
        }
        return java.util.Optional.empty();
    }

    private static String family(String name) {
        var matcher = VERSIONED.matcher(name);
        String bare = matcher.matches() ? matcher.group(1) : name;
        return bare.equals("nodejs") ? "node" : bare;
    }
}
