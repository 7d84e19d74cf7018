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
 */
record EvaluationReport(Map<String, Duration> convergence, List<String> unconverged, Duration benign, List<String> falseAlerts,
                        List<String> falseBlocks, List<AttackResult> attacks) {

    /**
     * @param name     the attack
     * @param victim   the container attacked
     * @param detected whether the agent alerted or blocked within the wait
     * @param blocked  whether it blocked (responded to the container)
     * @param seconds  from the attack's start to the first decision
     * @param rule     the rule or profile signal that caught it, and why
     */
    record AttackResult(String name, String victim, boolean detected, boolean blocked, double seconds, String rule) {
    }

    long blocked() {
        return attacks.stream().filter(AttackResult::blocked).count();
    }

    long detected() {
        return attacks.stream().filter(AttackResult::detected).count();
    }

    String text() {
        StringBuilder out = new StringBuilder("== Bulwark learned-profile evaluation ==\n");
        out.append("time to convergence per image (first container → every signal converged):\n");
        convergence.forEach((service, took) -> out.append(String.format(Locale.ROOT, "  %-10s %5d s%n", service, took.toSeconds())));
        unconverged.forEach(service -> out.append(String.format(Locale.ROOT, "  %-10s had not converged when the protect-mode runs began%n", service)));
        out.append(String.format(Locale.ROOT, "benign traffic (restarts, scaling 3→1→3, log rotation, health checks), from the start"
                + " of learning to the first attack, with a %d s run after every profile was in protect mode:%n", benign.toSeconds()));
        out.append("  false blocks: ").append(falseBlocks.size()).append('\n');
        falseBlocks.forEach(line -> out.append("    ").append(line).append('\n'));
        out.append("  false alerts: ").append(falseAlerts.size()).append('\n');
        falseAlerts.forEach(line -> out.append("    ").append(line).append('\n'));
        out.append("scripted attacks in protect mode:\n");
        for (AttackResult attack : attacks) {
            out.append(String.format(Locale.ROOT, "  %-22s %-12s %-8s %6s  %s%n", attack.name(), attack.victim(),
                    attack.blocked() ? "BLOCKED" : attack.detected() ? "alerted" : "MISSED",
                    attack.detected() ? String.format(Locale.ROOT, "%.1f s", attack.seconds()) : "-", attack.rule()));
        }
        out.append(String.format(Locale.ROOT, "attacks: %d, detected %d, blocked %d (%.0f %%); false blocks %d, false alerts %d%n",
                attacks.size(), detected(), blocked(), attacks.isEmpty() ? 0.0 : 100.0 * blocked() / attacks.size(),
                falseBlocks.size(), falseAlerts.size()));
        return out.toString();
    }
}
