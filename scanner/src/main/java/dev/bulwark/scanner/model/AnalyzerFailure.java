package dev.bulwark.scanner.model;

/**
 * A file that could not be analysed; the scan went on without it, and reports say so.
 *
 * @param analyzer the analyzer (or {@code layer} for the walk itself)
 * @param path     the file, inside the image
 * @param reason   what went wrong
 */
public record AnalyzerFailure(String analyzer, String path, String reason) {
}
