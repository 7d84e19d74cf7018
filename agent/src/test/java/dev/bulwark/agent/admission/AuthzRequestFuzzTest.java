package dev.bulwark.agent.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.agent.audit.AuditLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The authorization plugin fed request bodies a fuzzer makes, as the engine would post them: whatever arrives, the
 * engine gets an answer (allowed, or refused with a message), never an exception, a hang or an out-of-memory. The
 * plugin runs as the fallback does (no judge), so every request is read and classified and none reaches an engine.
 */
class AuthzRequestFuzzTest {

    private static Path state;
    private static AuditLog audit;
    private static AuthzPlugin plugin;

    @BeforeAll
    static void startThePlugin() throws IOException {
        state = Files.createTempDirectory("bulwark-fuzz-authz-");
        audit = AuditLog.open(state);
        plugin = new AuthzPlugin(() -> null, "the judge is not running in this test", AdmissionSettings.defaults(), audit,
                entry -> { }, warning -> { }, Clock.systemUTC());
    }

    @AfterAll
    static void stopThePlugin() throws IOException {
        audit.close();
        try (var files = Files.walk(state)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @FuzzTest(maxDuration = "5s")
    void engineRequest(byte[] body) {
        UnixHttpServer.Answer request = plugin.handle("/AuthZPlugin.AuthZReq", body);
        UnixHttpServer.Answer response = plugin.handle("/AuthZPlugin.AuthZRes", body);

        assertThat(request.status()).isEqualTo(200);
        assertThat(new String(request.json(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"Allow\"");
        assertThat(response.status()).isEqualTo(200);
    }
}
