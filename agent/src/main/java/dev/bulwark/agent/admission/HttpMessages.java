package dev.bulwark.agent.admission;

import dev.bulwark.policy.text.Numbers;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reading an HTTP/1.1 request and writing its answer, as far as Docker's plugin client uses them. */
final class HttpMessages {

    /** The largest header section or body accepted: Docker sends request bodies of up to 1 MiB, base64-encoded. */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    private HttpMessages() {
    }

    /** One request: its method, its path without the query, its body, and whether the client closes after it. */
    record Request(String method, String path, byte[] body, boolean close) {
    }

    /** The next request on the connection, or null when the client closed it between requests. */
    static Request next(InputStream in) throws IOException {
        String requestLine = line(in);
        return requestLine == null ? null : read(in, requestLine);
    }

    private static Request read(InputStream in, String requestLine) throws IOException {
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x request line: " + requestLine);
        }
        long length = 0;
        boolean chunked = false;
        boolean close = parts[2].equals("HTTP/1.0");
        int headerBytes = requestLine.length();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            headerBytes += header.length();
            if (headerBytes > MAX_BYTES) {
                throw new IOException("the request's headers exceed " + MAX_BYTES + " bytes");
            }
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IOException("not a header: " + header);
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Numbers.parseLong(value, "the Content-Length '" + value + "'");
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] body = chunked ? chunks(in) : exactly(in, length);
        String path = parts[1].contains("?") ? parts[1].substring(0, parts[1].indexOf('?')) : parts[1];
        return new Request(parts[0], path, body, close);
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                throw new EOFException("the connection ended inside a chunked body");
            }
            int semicolon = size.indexOf(';');
            long chunk = Numbers.parseHex((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), "a chunk size");
            if (chunk == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    continue;
                }
                return body.toByteArray();
            }
            if (body.size() + chunk > MAX_BYTES) {
                throw new IOException("the request's body exceeds " + MAX_BYTES + " bytes");
            }
            body.write(exactly(in, chunk));
            line(in);
        }
    }

    private static byte[] exactly(InputStream in, long length) throws IOException {
        if (length < 0 || length > MAX_BYTES) {
            throw new IOException("a body of " + length + " bytes is refused: at most " + MAX_BYTES);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new EOFException("the connection ended " + (length - body.length) + " bytes before the body's end");
        }
        return body;
    }

    /** One CRLF- (or LF-) terminated line in ISO-8859-1, or null at the end of the stream before any byte. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                return line.isEmpty() ? null : line.toString();
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= 65536) {
                throw new IOException("a header line exceeds 65536 bytes");
            }
            line.append((char) b);
        }
    }

    static void write(OutputStream out, UnixHttpServer.Answer answer) throws IOException {
        String head = "HTTP/1.1 " + answer.status() + (answer.status() == 200 ? " OK" : " Error") + "\r\n"
                + "Content-Type: application/vnd.docker.plugins.v1.2+json\r\n"
                + "Content-Length: " + answer.json().length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(answer.json());
        out.flush();
    }
}
