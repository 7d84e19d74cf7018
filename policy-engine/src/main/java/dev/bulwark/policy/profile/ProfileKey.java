package dev.bulwark.policy.profile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a profile belongs to: one image (its digest, and the repository it came from so that the next version can
 * inherit) and one workload (the same image may serve different applications).
 *
 * @param repository the image's repository without tag or digest ({@code registry.example/shop/web}); may be empty
 * @param image      the image ID or digest ({@code sha256:…})
 * @param workload   the workload: {@code label:NAME}, {@code compose:PROJECT/SERVICE} or {@code run:COMMAND ports}
 */
public record ProfileKey(String repository, String image, String workload) {

    public ProfileKey {
        repository = Objects.requireNonNullElse(repository, "");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(workload, "workload");
        if (image.isBlank()) {
            throw new IllegalArgumentException("a profile needs the image's ID or digest");
        }
    }

    /** A short stable name for files: the first 16 hex digits of the SHA-256 of image and workload. */
    public String fileName() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((image + "\n" + workload).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The image ID shortened as Docker prints it. */
    public String shortImage() {
        String hex = image.startsWith("sha256:") ? image.substring(7) : image;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    @Override
    public String toString() {
        return (repository.isEmpty() ? "" : repository + "@") + image + " (" + workload + ")";
    }
}
