package dev.bulwark.scanner.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks a download against the MD5 the server states: {@code Content-MD5}, or the {@code md5=} part of
 * {@code x-goog-hash} (which the OSV exports' storage sends).
 */
final class Checksums {

    private Checksums() {
    }

    static void verify(HttpResponse<Path> response) {
        Optional<String> expected = response.headers().firstValue("Content-MD5")
                .or(() -> response.headers().allValues("x-goog-hash").stream()
                        .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                        .map(String::strip).filter(part -> part.startsWith("md5="))
                        .map(part -> part.substring(4)).findFirst());
        if (expected.isEmpty()) {
            return;
        }
        String actual = md5(response.body());
        if (!actual.equals(expected.get())) {
            throw new DbException(response.uri() + " sent content whose MD5 is " + actual + " but the server says "
                    + expected.get() + ": the download is damaged; run bulwark db update again");
        }
    }

    private static String md5(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("checking " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
    }
}
