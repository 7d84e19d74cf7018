package dev.bulwark.notify.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The label that makes a ticket findable again: one ticket per image repository and vulnerability, so a
 * second gate run comments on the ticket the first one opened instead of opening another.
 *
 * <p>Jira labels may not contain spaces and are compared as written, so the label is a fixed prefix and a
 * hash of the normalised key: the repository without tag or digest, the vulnerability ID in upper case.
 *
 * @param label the label to put on the ticket and to search for
 */
public record TicketFingerprint(String label) {

    public static final String PREFIX = "bulwark-";

    public TicketFingerprint {
        Objects.requireNonNull(label, "label");
        if (!label.matches(PREFIX + "[0-9a-f]{20}")) {
            throw new IllegalArgumentException("'" + label + "' is not a Bulwark ticket label (" + PREFIX + "<20 hex digits>)");
        }
    }

    /**
     * The fingerprint of a vulnerability in an image repository.
     *
     * @param imageRepository the repository, with or without tag or digest ({@code registry/team/app:1.2})
     * @param vulnerabilityId the vulnerability's primary ID ({@code CVE-2023-1234}, {@code GHSA-…})
     */
    public static TicketFingerprint of(String imageRepository, String vulnerabilityId) {
        requireText(imageRepository, "image repository");
        requireText(vulnerabilityId, "vulnerability ID");
        String key = repositoryOnly(imageRepository.strip()) + "|" + vulnerabilityId.strip().toUpperCase(Locale.ROOT);
        return new TicketFingerprint(PREFIX + HexFormat.of().formatHex(sha256(key), 0, 10));
    }

    private static String repositoryOnly(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = withoutDigest.lastIndexOf(':');
        boolean hasTag = colon > withoutDigest.lastIndexOf('/');
        return (hasTag ? withoutDigest.substring(0, colon) : withoutDigest).toLowerCase(Locale.ROOT);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a ticket fingerprint needs the " + what + "; it was empty");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java runtime must provide", e);
        }
    }
}
