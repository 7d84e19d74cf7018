package dev.bulwark.scanner.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A platform as {@code --platform} writes it: {@code linux/amd64}, {@code linux/arm64/v8}.
 *
 * @param os           the operating system
 * @param architecture the CPU architecture
 * @param variant      the variant, or empty for any
 */
public record Platform(String os, String architecture, String variant) {

    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", "");

    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        variant = Objects.requireNonNullElse(variant, "");
    }

    public static Platform parse(String text) {
        String[] parts = text.strip().split("/");
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("platform '" + text + "' is not OS/ARCH[/VARIANT]: write linux/amd64 or linux/arm64/v8");
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : "");
    }

    /** Whether an index entry's {@code platform} object is this platform. */
    boolean matches(JsonNode platform) {
        return os.equals(platform.path("os").asText()) && architecture.equals(platform.path("architecture").asText())
                && (variant.isEmpty() || variant.equals(platform.path("variant").asText()));
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
    }
}
