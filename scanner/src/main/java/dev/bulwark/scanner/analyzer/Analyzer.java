package dev.bulwark.scanner.analyzer;

/**
 * Reads one file format and finds the packages (or OS release) it records. Analyzers see one file at a
 * time, from one layer, and keep no state: the same bytes always give the same outcome.
 */
public interface Analyzer {

    /** A short, stable name, such as {@code dpkg} or {@code java-archive}. */
    String name();

    /** Bump when the analyzer's output for the same input changes: cached layer results are keyed by it. */
    int version();

    /**
     * Whether the analyzer wants to read this file.
     *
     * @param path the file's path in the image, without a leading slash ({@code var/lib/dpkg/status})
     * @param size the file's size in bytes
     */
    boolean wants(String path, long size);

    /** Reads the file. Never throws for bad content: a problem with the file is a {@link AnalyzerOutcome.Failed}. */
    AnalyzerOutcome analyze(AnalyzerInput input);
}
