package dev.bulwark.policy.profile;

import dev.bulwark.policy.runtime.Decision;
import dev.bulwark.policy.runtime.ExecSource;
import dev.bulwark.policy.runtime.FileAccessKind;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.policy.runtime.Protocol;
import dev.bulwark.policy.runtime.RuntimeRule;
import dev.bulwark.policy.runtime.RuntimeRules;
import dev.bulwark.policy.runtime.RuntimeRulesEvaluator;
import dev.bulwark.policy.text.Numbers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a policy's explicit runtime rules contradict what a profile has learned as normal: every learned program,
 * write, peer and listening port is put to the rules as the agent would put the behaviour itself, by the same
 * {@link RuntimeRulesEvaluator}, and each one a rule would block is a conflict. A user learns of them before the rule
 * blocks the service's everyday behaviour (at the agent's start, in {@code bulwark profile list} and
 * {@code bulwark profile try}).
 */
public final class RuleConflicts {

    private static final String CONTAINER = "rule-conflicts";

    /**
     * A rule that would block learned behaviour.
     *
     * @param rule      the rule, as the policy names it
     * @param signal    the profile's signal the behaviour was learned under
     * @param item      the behaviour as the profile learned it ({@code /var/log/app/**}, {@code 10.0.0.7:5432}, …)
     * @param intervals in how many live intervals the profile saw it (0 when the image declared it)
     * @param why       the rule's own words on the behaviour
     */
    public record Conflict(RuntimeRule rule, Signal signal, String item, long intervals, String why) {

        /** One line: the rule, the behaviour and how often it was seen. */
        public String describe() {
            return String.format(Locale.ROOT, "%s would block %s %s, which the profile learned as normal (%s): %s", rule.field(),
                    signal.word(), item, intervals == 0 ? "declared by the image" : "seen in " + intervals + " intervals", why);
        }
    }

    private RuleConflicts() {
    }

    /** Each conflict between the rules and the profile as one line that names the profile: {@code IMAGE (WORKLOAD): …}. */
    public static List<String> lines(RuntimeRules rules, Profile profile) {
        String whose = profile.key().shortImage() + " (" + profile.key().workload() + "): ";
        return of(rules, profile).stream().map(conflict -> whose + conflict.describe()).toList();
    }

    /** The conflicts between the rules and one profile, in signal order. */
    public static List<Conflict> of(RuntimeRules rules, Profile profile) {
        List<Conflict> conflicts = new ArrayList<>();
        for (Signal signal : List.of(Signal.EXECUTABLES, Signal.HEALTHCHECKS, Signal.WRITES, Signal.OUTBOUND, Signal.LISTENING)) {
            for (Map.Entry<String, ItemStats> item : profile.items(signal).entrySet()) {
                Optional<Observation> behaviour = behaviour(signal, item.getKey());
                if (behaviour.isEmpty()) {
                    continue;
                }
                Decision decision = RuntimeRulesEvaluator.decide(rules, behaviour.get());
                if (decision instanceof Decision.Block block) {
                    conflicts.add(new Conflict(block.rule(), signal, item.getKey(), item.getValue().intervals(), block.why()));
                }
            }
        }
        return conflicts;
    }

    /** The behaviour a learned item stands for, as a sensor would report it; empty for an item that is not one. */
    static Optional<Observation> behaviour(Signal signal, String item) {
        Instant at = Instant.EPOCH;
        return switch (signal) {
            case EXECUTABLES, HEALTHCHECKS -> item.startsWith("/") ? Optional.of(new Observation.ProcessExec(CONTAINER, at, 0, 0, -1,
                    item, List.of(item), ExecSource.PROC_POLL)) : Optional.empty();
            case WRITES -> item.startsWith("/") ? Optional.of(new Observation.FileAccess(CONTAINER, at, samplePath(item),
                    FileAccessKind.WRITE, 0)) : Optional.empty();
            case OUTBOUND -> peer(item).map(peer -> new Observation.Connect(CONTAINER, at, Protocol.TCP, peer.address(), peer.port()));
            case LISTENING -> port(item).map(port -> new Observation.Listen(CONTAINER, at,
                    item.startsWith("udp") ? Protocol.UDP : Protocol.TCP, "0.0.0.0", port));
            default -> Optional.empty();
        };
    }

    /** A path a learned write item covers: {@code DIR/**} stands for a file in DIR, a generalised {@code *} for digits. */
    static String samplePath(String item) {
        String path = item.endsWith("/**") ? item.substring(0, item.length() - 3) + "/file" : item;
        return path.replace("**", "file").replace("*", "0");
    }

    private record Peer(String address, int port) {
    }

    /** {@code 10.0.0.7:5432}, {@code 10.0.0.0/24:5432} or {@code [fd00::7]:5432}: an address the item covers, and the port. */
    private static Optional<Peer> peer(String item) {
        int colon = item.lastIndexOf(':');
        Optional<Integer> port = colon < 0 ? Optional.empty() : digits(item.substring(colon + 1));
        if (port.isEmpty()) {
            return Optional.empty();
        }
        String address = item.substring(0, colon).replace("[", "").replace("]", "");
        int slash = address.indexOf('/');
        return Optional.of(new Peer(slash < 0 ? address : address.substring(0, slash), port.get()));
    }

    private static Optional<Integer> port(String item) {
        int colon = item.lastIndexOf(':');
        return colon < 0 ? Optional.empty() : digits(item.substring(colon + 1));
    }

    private static Optional<Integer> digits(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int value = Numbers.parseInt(text, "a learned port");
        return value >= 0 && value <= 65535 ? Optional.of(value) : Optional.empty();
    }
}
