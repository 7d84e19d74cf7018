package dev.bulwark.agent.admission;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** One hand-written HTTP request to an engine's socket, as an attacker with the socket would send it. */
final class RawEngineCall {

    private RawEngineCall() {
    }

    /** Sends the request with a JSON body and a Content-Length; returns the whole answer. */
    static String post(Path socket, String uri, String json) throws IOException {
        return call(socket, "POST", uri, json);
    }

    static String get(Path socket, String uri) throws IOException {
        return call(socket, "GET", uri, "");
    }

    static String delete(Path socket, String uri) throws IOException {
        return call(socket, "DELETE", uri, "");
    }

    private static String call(Path socket, String method, String uri, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + uri + " HTTP/1.1\r\nHost: docker\r\n"
                + (json.isEmpty() ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                + "Connection: close\r\n\r\n";
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.ISO_8859_1)));
            channel.write(ByteBuffer.wrap(body));
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            StringBuilder answer = new StringBuilder();
            while (channel.read(buffer) > 0) {
                buffer.flip();
                answer.append(StandardCharsets.UTF_8.decode(buffer));
                buffer.clear();
            }
            return answer.toString();
        }
    }
}
