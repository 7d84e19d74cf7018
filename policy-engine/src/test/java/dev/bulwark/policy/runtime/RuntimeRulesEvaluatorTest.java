package dev.bulwark.policy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.policy.document.InvalidFieldException;
import dev.bulwark.policy.runtime.ExecSource;
import dev.bulwark.policy.runtime.FileAccessKind;
import dev.bulwark.policy.runtime.Protocol;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeRulesEvaluatorTest {

    private static final String CONTAINER = "c0ffee";
    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void deniesAShellInAnyDirectoryWithADoubleStarGlob() {
        RuntimeRules rules = deniedExecutables("**/sh");

        assertThat(ruleBroken(rules, exec("/bin/sh", "sh"))).isEqualTo(RuntimeRule.DENIED_EXECUTABLES);
        assertThat(ruleBroken(rules, exec("/usr/bin/sh", "/usr/bin/sh"))).isEqualTo(RuntimeRule.DENIED_EXECUTABLES);
        assertThat(decide(rules, exec("/usr/bin/shred", "shred"))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void deniesABusyboxShellAppletByItsArgvZero() {
        Decision decision = decide(deniedExecutables("**/sh"), exec("/bin/busybox", "sh", "-c", "id"));

        assertThat(decision).isInstanceOf(Decision.Block.class);
        assertThat(((Decision.Block) decision).why()).contains("/bin/busybox").contains("/bin/sh").contains("**/sh");
        assertThat(decide(deniedExecutables("**/sh"), exec("/bin/busybox", "ls", "/"))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void deniesAShellAppletNamedAfterBusyboxItselfOrAsALoginShell() {
        RuntimeRules rules = deniedExecutables("**/sh");

        assertThat(ruleBroken(rules, exec("/bin/busybox", "busybox", "sh", "-c", "id"))).isEqualTo(RuntimeRule.DENIED_EXECUTABLES);
        assertThat(ruleBroken(rules, exec("/tmp/x", "/tmp/busybox-x86_64", "sh"))).isEqualTo(RuntimeRule.DENIED_EXECUTABLES);
        assertThat(ruleBroken(rules, exec("/bin/busybox", "-sh"))).isEqualTo(RuntimeRule.DENIED_EXECUTABLES);
        assertThat(decide(rules, exec("/bin/busybox", "busybox", "ls"))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void allowingBusyboxDoesNotAllowTheShellsItContains() {
        RuntimeRules rules = new RuntimeRules(null, List.of("/bin/busybox", "/app/server"), null, null, null);

        assertThat(ruleBroken(rules, exec("/bin/busybox", "sh"))).isEqualTo(RuntimeRule.ALLOWED_EXECUTABLES);
        assertThat(decide(rules, exec("/bin/busybox", "busybox"))).isEqualTo(Decision.ALLOW);
        assertThat(decide(rules, exec("/app/server", "/app/server", "--port", "8080"))).isEqualTo(Decision.ALLOW);
        assertThat(ruleBroken(rules, exec("/tmp/miner", "miner"))).isEqualTo(RuntimeRule.ALLOWED_EXECUTABLES);
    }

    @Test
    void singleStarStaysWithinOnePathSegment() {
        RuntimeRules rules = new RuntimeRules(null, List.of("/usr/bin/*"), null, null, null);

        assertThat(decide(rules, exec("/usr/bin/python3", "python3"))).isEqualTo(Decision.ALLOW);
        assertThat(ruleBroken(rules, exec("/usr/bin/local/evil", "evil"))).isEqualTo(RuntimeRule.ALLOWED_EXECUTABLES);
    }

    @Test
    void dotDotInTheExecutablePathDoesNotSlipPastADeniedPath() {
        assertThat(ruleBroken(deniedExecutables("/usr/bin/nc"), exec("/usr/lib/../bin//nc", "nc")))
                .isEqualTo(RuntimeRule.DENIED_EXECUTABLES);
    }

    @Test
    void deniesConnectionsIntoADeniedIpv4RangeOnlyOnItsPort() {
        RuntimeRules rules = outbound(List.of(), List.of("0.0.0.0/0:25", "169.254.169.254"));

        assertThat(ruleBroken(rules, connect("203.0.113.9", 25))).isEqualTo(RuntimeRule.OUTBOUND_DENY);
        assertThat(ruleBroken(rules, connect("169.254.169.254", 80))).isEqualTo(RuntimeRule.OUTBOUND_DENY);
        assertThat(decide(rules, connect("203.0.113.9", 443))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void matchesIpv6RangesAndIpv4MappedAddresses() {
        RuntimeRules rules = outbound(List.of("[2001:db8::]/32", "10.0.0.0/8"), List.of());

        assertThat(decide(rules, connect("2001:db8:0:1::5", 443))).isEqualTo(Decision.ALLOW);
        assertThat(decide(rules, connect("[2001:db8::1%eth0]", 443))).isEqualTo(Decision.ALLOW);
        assertThat(decide(rules, connect("::ffff:10.1.2.3", 5432))).isEqualTo(Decision.ALLOW);
        assertThat(ruleBroken(rules, connect("2001:db9::1", 443))).isEqualTo(RuntimeRule.OUTBOUND_ALLOW);
        assertThat(ruleBroken(rules, connect("11.0.0.1", 443))).isEqualTo(RuntimeRule.OUTBOUND_ALLOW);
    }

    @Test
    void matchesPrefixesThatDoNotFallOnAByteBoundary() {
        RuntimeRules rules = outbound(List.of("172.16.0.0/12"), List.of());

        assertThat(decide(rules, connect("172.31.255.255", 80))).isEqualTo(Decision.ALLOW);
        assertThat(ruleBroken(rules, connect("172.32.0.1", 80))).isEqualTo(RuntimeRule.OUTBOUND_ALLOW);
    }

    @Test
    void denyWinsOverAllow() {
        RuntimeRules rules = outbound(List.of("10.0.0.0/8"), List.of("10.0.0.53"));

        assertThat(ruleBroken(rules, connect("10.0.0.53", 53))).isEqualTo(RuntimeRule.OUTBOUND_DENY);
        assertThat(decide(rules, connect("10.0.0.54", 53))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void matchesHostNamesExactlyOrByWildcardSubdomain() {
        RuntimeRules rules = outbound(List.of("db.internal:5432", "*.example.com"), List.of());

        assertThat(decide(rules, connect("DB.internal", 5432))).isEqualTo(Decision.ALLOW);
        assertThat(ruleBroken(rules, connect("db.internal", 5433))).isEqualTo(RuntimeRule.OUTBOUND_ALLOW);
        assertThat(decide(rules, connect("api.eu.example.com", 443))).isEqualTo(Decision.ALLOW);
        assertThat(ruleBroken(rules, connect("example.com", 443))).isEqualTo(RuntimeRule.OUTBOUND_ALLOW);
        assertThat(ruleBroken(rules, connect("evilexample.com", 443))).isEqualTo(RuntimeRule.OUTBOUND_ALLOW);
    }

    @Test
    void refusesAPolicyWithAnImpossibleAddress() {
        assertThatThrownBy(() -> new Outbound(List.of("300.1.1.1/8"), List.of()))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("10.0.0.0/8");
        assertThatThrownBy(() -> new Outbound(List.of(), List.of("10.0.0.0/33")))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void blocksListeningOnAPortOutsideTheList() {
        RuntimeRules rules = new RuntimeRules(null, null, null, List.of(8080), null);

        assertThat(decide(rules, new Observation.Listen(CONTAINER, AT, Protocol.TCP, "0.0.0.0", 8080))).isEqualTo(Decision.ALLOW);
        assertThat(ruleBroken(rules, new Observation.Listen(CONTAINER, AT, Protocol.TCP6, "::", 4444)))
                .isEqualTo(RuntimeRule.LISTENING_PORTS);
    }

    @Test
    void blocksWritesOutsideTheWritablePathsButNotReads() {
        RuntimeRules rules = new RuntimeRules(null, null, null, null, List.of("/tmp/**", "/var/log/app/*.log"));

        assertThat(decide(rules, file("/tmp/cache/x", FileAccessKind.CREATE))).isEqualTo(Decision.ALLOW);
        assertThat(decide(rules, file("/var/log/app/out.log", FileAccessKind.WRITE))).isEqualTo(Decision.ALLOW);
        assertThat(decide(rules, file("/etc/passwd", FileAccessKind.READ))).isEqualTo(Decision.ALLOW);
        assertThat(ruleBroken(rules, file("/etc/passwd", FileAccessKind.WRITE))).isEqualTo(RuntimeRule.WRITABLE_PATHS);
        assertThat(ruleBroken(rules, file("/var/log/app/sub/out.log", FileAccessKind.WRITE))).isEqualTo(RuntimeRule.WRITABLE_PATHS);
        assertThat(ruleBroken(rules, file("/usr/bin/ls", FileAccessKind.DELETE))).isEqualTo(RuntimeRule.WRITABLE_PATHS);
    }

    @Test
    void allowsEverythingWhenThePolicyHasNoRules() {
        RuntimeRules none = RuntimeRules.none();

        assertThat(decide(none, exec("/bin/sh", "sh"))).isEqualTo(Decision.ALLOW);
        assertThat(decide(none, connect("198.51.100.1", 25))).isEqualTo(Decision.ALLOW);
        assertThat(decide(none, file("/etc/shadow", FileAccessKind.WRITE))).isEqualTo(Decision.ALLOW);
        assertThat(decide(none, new Observation.ResourceSample(CONTAINER, AT, 4.0, 1L << 40, 9999, 0, 0)))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void blocksRequestTheFirstRungOfThePolicysLadder() {
        RuntimeSpec spec = new RuntimeSpec(RuntimeMode.PROTECT, deniedExecutables("**/nc"), null,
                List.of(Response.QUARANTINE, Response.KILL));

        Decision decision = RuntimeRulesEvaluator.decide(spec, exec("/usr/bin/nc", "nc"));

        assertThat(decision).isEqualTo(new Decision.Block(RuntimeRule.DENIED_EXECUTABLES,
                "/usr/bin/nc (argv[0] nc) ran, and /usr/bin/nc matches '**/nc' in deniedExecutables"));
    }

    private static Decision decide(RuntimeRules rules, Observation observation) {
        return RuntimeRulesEvaluator.decide(rules, observation);
    }

    private static RuntimeRule ruleBroken(RuntimeRules rules, Observation observation) {
        Decision decision = decide(rules, observation);
        assertThat(decision).isInstanceOf(Decision.Block.class);
        return ((Decision.Block) decision).rule();
    }

    private static RuntimeRules deniedExecutables(String... globs) {
        return new RuntimeRules(List.of(globs), null, null, null, null);
    }

    private static RuntimeRules outbound(List<String> allow, List<String> deny) {
        return new RuntimeRules(null, null, new Outbound(allow, deny), null, null);
    }

    private static Observation.ProcessExec exec(String executable, String... argv) {
        return new Observation.ProcessExec(CONTAINER, AT, 42, 1, 0, executable, List.of(argv), ExecSource.PROC_CONNECTOR);
    }

    private static Observation.Connect connect(String address, int port) {
        return new Observation.Connect(CONTAINER, AT, Protocol.TCP, address, port);
    }

    private static Observation.FileAccess file(String path, FileAccessKind kind) {
        return new Observation.FileAccess(CONTAINER, AT, path, kind, 42);
    }
}
