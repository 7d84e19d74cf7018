package dev.bulwark.agent.evaluation;

import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.daemon.AgentConfig;
import dev.bulwark.agent.daemon.AgentDaemon;
import dev.bulwark.agent.profile.ProfileStore;
import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.profile.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The evaluation harness: the agent (in this process) learns the harness's real Debian services under scripted
 * benign traffic (with restarts, scaling, log rotation and health checks) until every profile converges and is
 * promoted to protect; then a benign run under a traffic mix held out from learning (other endpoints, queries, rates,
 * and operator events at other moments) counts false alerts and false blocks, and each scripted attack is run against
 * a fresh victim and counts as stopped only when a block names the evidence the attack script expects.
 */
final class ProfileEvaluation {

    static final List<String> SERVICES = List.of("nginx", "redis", "postgres", "batch", "web");
    private static final List<String> RESTARTED_WHILE_LEARNING = List.of("h-nginx", "h-redis", "h-postgres", "h-batch", "h-web-1");

    /**
     * @param maxLearning the longest learning may take before the run goes on (unconverged services are reported)
     * @param chunk       one stretch of benign traffic while learning
     * @param benign      the benign run in protect mode
     * @param attackWait  how long to wait for a decision after an attack
     * @param learning    the policy's runtime.learning section (YAML flow mapping)
     */
    record Settings(Duration maxLearning, Duration chunk, Duration benign, Duration attackWait, String learning) {

        /**
         * A longer run ({@code -Dbulwark.evaluation.minutes=N}, N of at least 20; with
         * {@code -Dbulwark.evaluation.thresholds=production} the policy's defaults): learning for up to two thirds of it
         * with thresholds nearer production's (20 s intervals, 5 % over five minutes, ten minutes of live intervals), a
         * benign run of a quarter. A database's one-off start-up programs stay singletons: at 5 % it needs twenty
         * live intervals per such program before it converges.
         */
        static Settings chosen() {
            String minutes = System.getProperty("bulwark.evaluation.minutes", "");
            if (minutes.isBlank()) {
                return ci();
            }
            long total = Math.max(20, Long.parseLong(minutes.strip()));
            if (System.getProperty("bulwark.evaluation.thresholds", "").equals("production")) {
                return production(total);
            }
            return new Settings(Duration.ofMinutes(total * 2 / 3), Duration.ofSeconds(60), Duration.ofMinutes(total / 4),
                    Duration.ofSeconds(45), "{promoteTo: protect, interval: 20s, missingMass: 0.05, minSpan: 5m, quietPeriod: 5m,"
                            + " minIntervals: 30, anomalies: block, alertEvery: 5m}");
        }

        /**
         * The policy's default learning thresholds (only {@code promoteTo} is protect, so that attacks are blocked):
         * learning for up to {@code minutes} less 45, at least 150 minutes (minSpan 2h and 60 one-minute intervals
         * come first), then 30 minutes of benign traffic.
         */
        static Settings production(long minutes) {
            return new Settings(Duration.ofMinutes(Math.max(150, minutes - 45)), Duration.ofMinutes(5), Duration.ofMinutes(30),
                    Duration.ofSeconds(90), "{promoteTo: protect}");
        }

        /**
         * Sized for CI: about fifteen minutes in all. Ten-second intervals, 20 % missing mass over 30 s, 40 s quiet and
         * ten live intervals: the harness's traffic repeats every few seconds, so its services converge in two to five
         * minutes instead of the two hours and more the defaults take; what these thresholds cost is convergence on
         * less evidence, which the held-out benign run and its false-alert count measure.
         */
        static Settings ci() {
            return new Settings(Duration.ofMinutes(8), Duration.ofSeconds(40), Duration.ofSeconds(90), Duration.ofSeconds(60),
                    "{promoteTo: protect, interval: 10s, missingMass: 0.2, minSpan: 30s, quietPeriod: 40s, minIntervals: 10,"
                            + " anomalies: block, alertEvery: 1m}");
        }
    }

    private final HarnessScripts scripts;
    private final Settings settings;
    private final Consumer<String> progress;

    ProfileEvaluation(Path repositoryRoot, Settings settings, Consumer<String> progress) {
        this.scripts = new HarnessScripts(repositoryRoot);
        this.settings = settings;
        this.progress = progress;
    }

    EvaluationReport run(Path work) throws IOException, InterruptedException {
        AgentConfig config = writeConfig(work);
        scripts.run(Duration.ofMinutes(2), "services.sh", "down");
        try (AgentDaemon agent = AgentDaemon.start(config, Clock.systemUTC())) {
            progress.accept(scripts.run(Duration.ofMinutes(3), "services.sh", "up").strip());
            ProfileStore store = ProfileStore.open(config.stateDir());
            Instant learningStarted = Instant.now();
            int round = 0;
            while (Duration.between(learningStarted, Instant.now()).compareTo(settings.maxLearning()) < 0) {
                progress.accept(scripts.run(settings.chunk().plusMinutes(2), "benign.sh",
                        Long.toString(settings.chunk().toSeconds()), "learn").strip());
                if (round < 2) {
                    restartServices();
                }
                round++;
                Thread.sleep(11_000); // let the agent check convergence and save
                if (converged(store).size() == SERVICES.size()) {
                    break;
                }
                progress.accept("learning: converged so far " + converged(store).keySet());
            }
            Map<String, Duration> convergedBeforeProtect = converged(store);
            List<String> unconverged = SERVICES.stream().filter(service -> !convergedBeforeProtect.containsKey(service)).toList();
            Instant benignStarted = Instant.now();
            progress.accept(scripts.run(settings.benign().plusMinutes(2), "benign.sh",
                    Long.toString(settings.benign().toSeconds()), "test").strip());
            Thread.sleep(12_000); // the changes and stats sensors poll every 5 and 10 s
            Duration benign = Duration.between(benignStarted, Instant.now());
            // Every decision on a service before the attacks is a false one: during learning (on profiles that had
            // converged) as much as in the benign run in protect mode.
            List<AuditEntry> benignEntries = serviceEntries(agent, learningStarted);
            List<String> falseBlocks = describe(benignEntries, "block");
            List<String> falseAlerts = describe(benignEntries, "alert");
            List<EvaluationReport.AttackResult> attacks = new ArrayList<>();
            for (String attack : scripts.run(Duration.ofSeconds(30), "attack.sh", "list").strip().split("\\s+")) {
                attacks.add(attack(agent, attack));
            }
            Thread.sleep(11_000);
            return new EvaluationReport(converged(store), unconverged, benign, falseAlerts, falseBlocks, attacks,
                    misattributed(store));
        } finally {
            keep(config.stateDir());
            scripts.run(Duration.ofMinutes(2), "services.sh", "down");
        }
    }

    /** Keeps the agent's state (audit log, profiles) under target/ for a look after the run. */
    private void keep(Path stateDir) throws IOException {
        Path kept = Path.of("target", "profile-evaluation");
        if (Files.exists(kept)) {
            try (var old = Files.walk(kept)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        try (var files = Files.walk(stateDir)) {
            for (Path file : files.toList()) {
                Path target = kept.resolve(stateDir.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        progress.accept("the agent's audit log and profiles are kept in " + kept.toAbsolutePath());
    }

    private AgentConfig writeConfig(Path work) throws IOException {
        Path policy = work.resolve("policy.yaml");
        Files.writeString(policy, String.join("\n", "apiVersion: bulwark.dev/v1", "kind: Policy",
                "metadata: {name: learned-profile-evaluation}", "stages: [{name: production}]", "runtime:",
                "  defaultMode: monitor", "  exec: alert", "  learning: " + settings.learning(), "  responses: [alert, stop]", ""));
        Path file = work.resolve("agent.yaml");
        Files.writeString(file, "policy: policy.yaml\nstateDir: state\nmetricsPort: 0\n");
        return AgentConfig.load(file);
    }

    private void restartServices() {
        for (String name : RESTARTED_WHILE_LEARNING) {
            HarnessScripts.docker(Duration.ofSeconds(60), "restart", name);
        }
        progress.accept("restarted " + String.join(", ", RESTARTED_WHILE_LEARNING));
    }

    /** Service → time from its profile's creation to convergence, for the harness's services that converged. */
    private static Map<String, Duration> converged(ProfileStore store) {
        Map<String, Duration> took = new LinkedHashMap<>();
        for (String service : SERVICES) {
            store.all().stream().filter(p -> p.key().workload().equals("compose:harness/" + service)).findFirst()
                    .flatMap(profile -> profile.convergedAt().map(at -> Duration.between(profile.created(), at)))
                    .ifPresent(duration -> took.put(service, duration));
        }
        return took;
    }

    /** Per service, the programs its health check runs that its profile also learned as the container's own. */
    private static Map<String, List<String>> misattributed(ProfileStore store) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String service : SERVICES) {
            profileOf(store, service).ifPresent(profile -> found.put(service, profile.items(Signal.HEALTHCHECKS).keySet().stream()
                    .filter(program -> profile.items(Signal.EXECUTABLES).containsKey(program)).sorted().toList()));
        }
        return found;
    }

    static Optional<Profile> profileOf(ProfileStore store, String service) {
        return store.all().stream().filter(p -> p.key().workload().equals("compose:harness/" + service)).findFirst();
    }

    private EvaluationReport.AttackResult attack(AgentDaemon agent, String attack) throws InterruptedException {
        String victim = victimOf(attack);
        try {
            progress.accept(restore(victim));
        } catch (IllegalStateException notHealthy) {
            agent.audit().recent(20).stream().filter(e -> e.containerName().equals(victim))
                    .forEach(e -> progress.accept("  " + victim + " " + e.decision() + " " + e.rule() + ": " + e.detail()));
            return new EvaluationReport.AttackResult(attack, victim, false, false, 0,
                    "the victim did not come up healthy: " + notHealthy.getMessage().lines().reduce((a, b) -> b).orElse(""), "", false);
        }
        Thread.sleep(3_000); // the fresh container's start-up, judged like any other behaviour
        String victimId = HarnessScripts.docker(Duration.ofSeconds(20), "inspect", "-f", "{{.Id}}", victim).strip();
        List<AuditEntry> startup = agent.audit().forContainer(victimId);
        Instant started = Instant.now();
        String said;
        try {
            said = scripts.run(Duration.ofSeconds(90), "attack.sh", attack).strip();
        } catch (IllegalStateException failed) {
            said = "attack script failed: " + failed.getMessage();
        }
        progress.accept(said);
        String[] expected = scripts.run(Duration.ofSeconds(10), "attack.sh", "expect", attack).strip().split("\t", 2);
        Instant deadline = started.plus(settings.attackWait());
        List<AuditEntry> entries = List.of();
        while (Instant.now().isBefore(deadline) && entries.stream().noneMatch(e -> e.decision().equals("block"))) {
            entries = agent.audit().forContainer(victimId).stream().filter(e -> !e.at().isBefore(started)).toList();
            Thread.sleep(250);
        }
        Thread.sleep(2_000); // let the agent finish with the victim before it is restored for the next attack
        List<AuditEntry> decided = agent.audit().forContainer(victimId).stream().filter(e -> !e.at().isBefore(started)).toList();
        if (!startup.isEmpty()) {
            progress.accept("note: " + victim + " drew " + startup.size() + " decisions while starting: " + startup.get(0).detail());
        }
        Optional<AuditEntry> evidence = decided.stream().filter(e -> e.decision().equals("block") && e.rule().equals(expected[0])
                && e.detail().split("; started by ", 2)[0].contains(expected[1])).findFirst();
        Optional<AuditEntry> block = decided.stream().filter(e -> e.decision().equals("block")).findFirst();
        Optional<AuditEntry> shown = evidence.or(() -> block).or(() -> decided.stream().filter(e -> !e.decision().equals("allow")).findFirst());
        return new EvaluationReport.AttackResult(attack, victim, shown.isPresent(), block.isPresent(),
                shown.map(e -> Duration.between(started, e.at()).toMillis() / 1000.0).orElse(0.0),
                shown.map(e -> e.rule() + ": " + e.detail()).orElse(""), expected[0] + " naming \"" + expected[1] + "\"",
                evidence.isPresent());
    }

    /**
     * A clean victim for the next attack: a fresh container in place of a stateless service's (an attack may have left
     * files behind); the database, whose attacks leave nothing behind, is started again with its data, as an operator
     * would, rather than initialised anew.
     */
    private String restore(String victim) {
        if (!victim.equals("h-postgres")) {
            return scripts.run(Duration.ofMinutes(2), "services.sh", "recreate", victim).strip();
        }
        HarnessScripts.docker(Duration.ofSeconds(60), "start", victim);
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            String health = HarnessScripts.docker(Duration.ofSeconds(20), "inspect", "-f", "{{.State.Health.Status}}", victim).strip();
            if (health.equals("healthy")) {
                return "started " + victim + " again";
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException(victim + " not healthy 90 s after starting it again");
    }

    static String victimOf(String attack) {
        if (attack.startsWith("web-")) {
            return "h-web-1";
        } else if (attack.startsWith("pg-")) {
            return "h-postgres";
        } else if (attack.startsWith("redis-")) {
            return "h-redis";
        }
        throw new IllegalArgumentException("attack " + attack + " has no known victim: name it web-…, pg-… or redis-…");
    }

    private static List<AuditEntry> serviceEntries(AgentDaemon agent, Instant since) {
        return agent.audit().recent(100_000).stream()
                .filter(e -> !e.at().isBefore(since) && e.containerName().startsWith("h-")
                        && !e.containerName().equals("h-client") && !e.containerName().equals("h-peer"))
                .toList();
    }

    private static List<String> describe(List<AuditEntry> entries, String decision) {
        return entries.stream().filter(e -> e.decision().equals(decision))
                .map(e -> e.containerName() + " " + e.rule() + ": " + e.detail()).toList();
    }
}
