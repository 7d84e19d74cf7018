package dev.bulwark.scanner.analyzer;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A file an analyzer asked for.
 *
 * @param path    the path in the image, without a leading slash
 * @param content the file's bytes (never larger than the scan's per-file limit)
 */
public record AnalyzerInput(String path, byte[] content) {

    public AnalyzerInput {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }

    /** The content as UTF-8 text. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** The path with a leading slash, as reports show it. */
    public String imagePath() {
        return "/" + path;
    }
}
