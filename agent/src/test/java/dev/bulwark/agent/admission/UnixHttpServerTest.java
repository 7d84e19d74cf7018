package dev.bulwark.agent.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixHttpServerTest {

    @TempDir
    Path temp;

    private static UnixHttpServer.Handler saying(String who) {
        return (path, body) -> new UnixHttpServer.Answer(200, ("{\"who\":\"" + who + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** One request on a fresh connection, as the engine's plugin client makes it; the answer's body, or the failure. */
    private static String ask(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("POST /AuthZPlugin.AuthZReq HTTP/1.1\r\nHost: plugin\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(4096);
            while (channel.read(answer) >= 0 && !new String(answer.array(), 0, answer.position(), StandardCharsets.UTF_8).endsWith("}")) {
                continue;
            }
            String text = new String(answer.array(), 0, answer.position(), StandardCharsets.UTF_8);
            return text.substring(text.indexOf("\r\n\r\n") + 4);
        } catch (IOException e) {
            return "failed: " + e;
        }
    }

    @Test
    void aServerStartedOverAnotherLeavesThePathAnsweringThroughout() throws Exception {
        Path socket = temp.resolve("plugin.sock");
        List<String> warnings = new ArrayList<>();
        UnixHttpServer first = UnixHttpServer.start(socket, saying("first"), warnings::add);
        CompletableFuture<List<String>> asking = CompletableFuture.supplyAsync(() -> {
            List<String> answers = new ArrayList<>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < end && answers.size() < 20_000) {
                answers.add(ask(socket));
            }
            return answers;
        });
        Thread.sleep(300);

        UnixHttpServer second = UnixHttpServer.start(socket, saying("second"), warnings::add);
        Thread.sleep(300);
        first.close();
        List<String> answers = asking.get(30, TimeUnit.SECONDS);
        second.close();

        assertThat(answers).as("no request found the path missing or refused").allMatch(answer -> answer.startsWith("{\"who\""))
                .contains("{\"who\":\"first\"}", "{\"who\":\"second\"}");
        assertThat(answers.subList(answers.indexOf("{\"who\":\"second\"}"), answers.size())).as("the second keeps the path")
                .containsOnly("{\"who\":\"second\"}");
        assertThat(first.ownsSocket()).isFalse();
        assertThat(socket).doesNotExist();
        assertThat(warnings).isEmpty();
    }
}
