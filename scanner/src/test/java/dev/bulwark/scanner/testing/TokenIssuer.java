package dev.bulwark.scanner.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The token service of a registry that uses Docker's token authentication: on loopback, it checks Basic
 * credentials and issues RS256 JWTs signed with a key whose self-signed certificate the registry trusts
 * ({@code rootcertbundle}). The registry verifies every token itself.
 */
public final class TokenIssuer implements AutoCloseable {

    public static final String SERVICE = "bulwark-test-registry";
    public static final String ISSUER = "bulwark-test-issuer";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final String basic;
    private final List<String> scopes = new ArrayList<>();

    private TokenIssuer(HttpServer server, PrivateKey key, X509Certificate certificate, String basic) {
        this.server = server;
        this.key = key;
        this.certificate = certificate;
        this.basic = basic;
    }

    /** Starts the service with a new key pair (made by the JDK's keytool) and the one user it accepts. */
    public static TokenIssuer start(Path work, String user, String password) throws Exception {
        Path store = work.resolve("issuer.p12");
        Containers.exec(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "issuer", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + ISSUER, "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit"));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(store.toFile())) {
            keys.load(in, "changeit".toCharArray());
        }
        PrivateKey key = (PrivateKey) keys.getKey("issuer", "changeit".toCharArray());
        X509Certificate certificate = (X509Certificate) keys.getCertificate("issuer");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        TokenIssuer issuer = new TokenIssuer(server, key, certificate, basic);
        server.createContext("/token", issuer::issue);
        server.start();
        return issuer;
    }

    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** The certificate the registry must trust, as PEM. */
    public Path writeCertificate(Path file) throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        Files.writeString(file, pem);
        return file;
    }

    /** The scopes tokens were issued for, in order. */
    public List<String> scopes() {
        return List.copyOf(scopes);
    }

    private void issue(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        String query = URI.create(exchange.getRequestURI().toString()).getQuery();
        List<String> requested = new ArrayList<>();
        for (String part : query == null ? new String[0] : query.split("&")) {
            if (part.startsWith("scope=")) {
                requested.add(java.net.URLDecoder.decode(part.substring(6), StandardCharsets.UTF_8));
            }
        }
        String scope = String.join(" ", requested);
        scopes.add(scope);
        byte[] body;
        try {
            ObjectNode response = JSON.createObjectNode();
            String token = token(scope);
            response.put("token", token);
            response.put("access_token", token);
            response.put("expires_in", 300);
            body = JSON.writeValueAsBytes(response);
        } catch (Exception e) {
            throw new IOException("signing a token", e);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String token(String scope) throws Exception {
        ObjectNode header = JSON.createObjectNode();
        header.put("typ", "JWT");
        header.put("alg", "RS256");
        header.putArray("x5c").add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = JSON.createObjectNode();
        claims.put("iss", ISSUER);
        claims.put("sub", "ci");
        claims.put("aud", SERVICE);
        claims.put("exp", now + 300);
        claims.put("nbf", now - 10);
        claims.put("iat", now);
        claims.put("jti", UUID.randomUUID().toString());
        // Every scope asked for is granted: the registry enforces what each token carries, as with a real service.
        var accessList = claims.putArray("access");
        for (String one : scope.isBlank() ? new String[0] : scope.split(" ")) {
            String[] parts = one.split(":");
            if (parts.length != 3) {
                continue;
            }
            ObjectNode access = accessList.addObject();
            access.put("type", parts[0]);
            access.put("name", parts[1]);
            var actions = access.putArray("actions");
            for (String action : parts[2].split(",")) {
                actions.add(action);
            }
        }
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = url.encodeToString(JSON.writeValueAsBytes(header)) + "." + url.encodeToString(JSON.writeValueAsBytes(claims));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + url.encodeToString(signature.sign());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
