package dev.bulwark.agent.evaluation;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one evaluation run measured.
 *
 * @param convergence  per profile (service): how long from its first container to convergence; absent when it did not
 * @param unconverged  services whose profile had not converged when the benign run in protect mode began
 * @param benign       how long the protect-mode benign run lasted
 * @param falseAlerts  alerts on the services before the first attack, each in words
 * @param falseBlocks  blocks on the services before the first attack, each in words
 * @param attacks      each scripted attack's outcome
 * @param misattributed per service, the programs its health check runs that its profile also learned as its own
 */
record EvaluationReport(Map<String, Duration> convergence, List<String> unconverged, Duration benign, List<String> falseAlerts,
                        List<String> falseBlocks, List<AttackResult> attacks, Map<String, List<String>> misattributed) {

    /**
     * @param name     the attack
     * @param victim   the container attacked
     * @param detected whether the agent alerted or blocked within the wait
     * @param blocked  whether it blocked (responded to the container)
     * @param seconds  from the attack's start to the decision shown
     * @param rule     the decision shown: the block that names the expected evidence, else the first block, else the
     *                 first alert (its rule, and why)
     * @param expected the evidence a block must name for the attack to count as stopped (rule, then part of the words)
     * @param stopped  whether a block named the expected evidence
     */
    record AttackResult(String name, String victim, boolean detected, boolean blocked, double seconds, String rule,
                        String expected, boolean stopped) {
    }

    long blocked() {
        return attacks.stream().filter(AttackResult::blocked).count();
    }

    long stopped() {
        return attacks.stream().filter(AttackResult::stopped).count();
    }

    long detected() {
        return attacks.stream().filter(AttackResult::detected).count();
    }

    String text() {
        StringBuilder out = new StringBuilder("== Bulwark learned-profile evaluation ==\n");
        out.append("time to convergence per image (first container → every signal converged):\n");
        convergence.forEach((service, took) -> out.append(String.format(Locale.ROOT, "  %-10s %5d s%n", service, took.toSeconds())));
        unconverged.forEach(service -> out.append(String.format(Locale.ROOT, "  %-10s had not converged when the protect-mode runs began%n", service)));
        out.append(String.format(Locale.ROOT, "benign traffic (restarts, scaling, log rotation, health checks), from the start"
                + " of learning to the first attack: the learning mix, then %d s of the held-out mix with every profile in protect"
                + " mode:%n", benign.toSeconds()));
        out.append("  false blocks: ").append(falseBlocks.size()).append('\n');
        falseBlocks.forEach(line -> out.append("    ").append(line).append('\n'));
        out.append("  false alerts: ").append(falseAlerts.size()).append('\n');
        falseAlerts.forEach(line -> out.append("    ").append(line).append('\n'));
        out.append("health-check programs also learned as the service's own:");
        out.append(misattributed.values().stream().allMatch(List::isEmpty) ? " none\n" : "\n");
        misattributed.forEach((service, programs) -> {
            if (!programs.isEmpty()) {
                out.append("  ").append(service).append(": ").append(String.join(", ", programs)).append('\n');
            }
        });
        out.append("scripted attacks in protect mode (STOPPED: blocked by the expected evidence):\n");
        for (AttackResult attack : attacks) {
            String outcome = attack.stopped() ? "STOPPED" : attack.blocked() ? "blocked-by-other" : attack.detected() ? "alerted" : "MISSED";
            out.append(String.format(Locale.ROOT, "  %-22s %-12s %-16s %6s%n", attack.name(), attack.victim(), outcome,
                    attack.detected() ? String.format(Locale.ROOT, "%.1f s", attack.seconds()) : "-"));
            out.append("      expected: ").append(attack.expected()).append('\n');
            out.append("      recorded: ").append(attack.rule().isEmpty() ? "nothing" : attack.rule()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "attacks: %d, detected %d, blocked %d, stopped by the expected evidence %d (%.0f %%);"
                + " false blocks %d, false alerts %d%n", attacks.size(), detected(), blocked(), stopped(),
                attacks.isEmpty() ? 0.0 : 100.0 * stopped() / attacks.size(), falseBlocks.size(), falseAlerts.size()));
        return out.toString();
    }
}
