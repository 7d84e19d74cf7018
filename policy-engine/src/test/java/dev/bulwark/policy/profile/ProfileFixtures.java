package dev.bulwark.policy.profile;

import dev.bulwark.policy.runtime.ExecSource;
import dev.bulwark.policy.runtime.FileAccessKind;
import dev.bulwark.policy.runtime.LearningSettings;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.policy.runtime.Protocol;
import dev.bulwark.policy.runtime.RuntimeMode;
import dev.bulwark.policy.runtime.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builders for profile tests: a web service that runs python and date, listens on 8000 and writes its log. */
final class ProfileFixtures {

    static final String CONTAINER = "c0ffee";
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final ProfileKey KEY = new ProfileKey("shop/web", "sha256:" + "a".repeat(64), "compose:shop/web");
    /** Ten-second intervals; 5 % over one minute, 30 s quiet, at least 6 live intervals; converged signals protect. */
    static final LearningSettings FAST = new LearningSettings(RuntimeMode.PROTECT, Span.parse("10s"), 0.05, Span.parse("1m"),
            Span.parse("30s"), 6, LearningSettings.AnomalyAction.ALERT, Span.parse("1m"), null, null);

    private ProfileFixtures() {
    }

    static Profile fresh() {
        return Profile.fresh(KEY, new Prior(List.of("/usr/bin/python3.11"), List.of("tcp:8000"), List.of("/data/**"),
                List.of("/usr/bin/curl"), ""), "fp1", START);
    }

    static Observation.ProcessExec exec(Instant at, String executable, String... argv) {
        return new Observation.ProcessExec(CONTAINER, at, 100, 1, 0, executable, List.of(argv), ExecSource.PROC_CONNECTOR);
    }

    static Observation.FileAccess write(Instant at, String path) {
        return new Observation.FileAccess(CONTAINER, at, path, FileAccessKind.WRITE, 100);
    }

    static Observation.Connect connect(Instant at, String address, int port) {
        return new Observation.Connect(CONTAINER, at, Protocol.TCP, address, port);
    }

    static Observation.ResourceSample sample(Instant at, double cpu) {
        return new Observation.ResourceSample(CONTAINER, at, cpu, 40L * 1024 * 1024, 4, 0, 0);
    }

    static ProfileJudge.Judged observe(Profile profile, Observation observation, String parent) {
        return ProfileJudge.observe(profile, observation, Origin.CONTAINER, parent, FAST, Optional.empty(), false);
    }

    /** Ordinary traffic for the given span: date run by python every interval, log writes, a resource sample. */
    static Instant normalTraffic(Profile profile, Instant from, Duration span) {
        Instant at = from;
        while (at.isBefore(from.plus(span))) {
            observe(profile, exec(at, "/usr/bin/date", "date"), "/usr/bin/python3.11");
            observe(profile, write(at, "/var/log/app/access.log"), "");
            observe(profile, sample(at, 0.05), "");
            profile.evaluate(at, FAST);
            at = at.plusSeconds(10);
        }
        return at;
    }
}
