package dev.bulwark.policy.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.runtime.RuntimeMode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneraliseTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void numbersAndHexadecimalNamesInPathsBecomeStars() {
        assertThat(Generalise.path("/var/backups/data-1732900000.tgz")).isEqualTo("/var/backups/data-*.tgz");
        assertThat(Generalise.path("/var/lib/postgresql/data/log/postgresql-2026-11-29_175000.log"))
                .isEqualTo("/var/lib/postgresql/data/log/postgresql-*-*-*_*.log");
        assertThat(Generalise.path("/tmp/cache/3f2a9c81e0d4/blob")).isEqualTo("/tmp/cache/*/blob");
        assertThat(Generalise.path("/usr/lib/python3/x")).isEqualTo("/usr/lib/python3/x");
    }

    @Test
    void manyFilesInOneDirectoryAreLearnedAsTheDirectory() {
        SignalLearning writes = new SignalLearning(Signal.WRITES, SignalState.empty());
        for (String name : new String[] {"a", "b", "c", "d", "e", "f", "g", "h", "i"}) {
            writes.observe("/srv/upload/" + name, 1, AT);
        }

        assertThat(writes.items()).containsOnlyKeys("/srv/upload/**");
        assertThat(writes.knows("/srv/upload/zzz")).isTrue();
        assertThat(writes.knows("/srv/other")).isFalse();
    }

    @Test
    void topLevelDirectoriesAreNeverLearnedWhole() {
        SignalLearning writes = new SignalLearning(Signal.WRITES, SignalState.empty());
        for (int i = 0; i < 12; i++) {
            writes.observe("/tmp/" + (char) ('a' + i), 1, AT);
        }

        assertThat(writes.knows("/tmp/zz")).isFalse();
    }

    @Test
    void manyPeersInOneNetworkOnOnePortAreLearnedAsTheNetwork() {
        SignalLearning peers = new SignalLearning(Signal.OUTBOUND, SignalState.empty());
        for (int host = 10; host < 15; host++) {
            peers.observe("10.0.3." + host + ":5432", 1, AT);
        }

        assertThat(peers.items()).containsKey("10.0.3.0/24:5432");
        assertThat(peers.knows("10.0.3.200:5432")).isTrue();
        assertThat(peers.knows("10.0.3.200:22")).isFalse();
        assertThat(peers.knows("10.0.4.1:5432")).isFalse();
    }

    @Test
    void goodTuringCountsBehavioursSeenInOneIntervalOnlyAndNeverDeclaredOnes() {
        SignalLearning executables = new SignalLearning(Signal.EXECUTABLES,
                new SignalState(Map.of(), null, null, null, RuntimeMode.LEARN, false));
        executables.declare("/usr/bin/python3", AT);
        executables.observe("/usr/bin/python3", 1, AT);
        executables.observe("/usr/bin/initdb", 1, AT);
        executables.observe("/usr/bin/date", 1, AT);
        executables.observe("/usr/bin/date", 2, AT);

        assertThat(executables.missingMass(10)).isEqualTo(0.1); // initdb only, over ten live intervals
    }
}
