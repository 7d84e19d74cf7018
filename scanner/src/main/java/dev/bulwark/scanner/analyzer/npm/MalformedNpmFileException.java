package dev.bulwark.scanner.analyzer.npm;

/**
 * A package.json or lockfile that cannot be read. The message says what is wrong and where, and becomes the
 * reason of the analyzer's {@link dev.bulwark.scanner.analyzer.AnalyzerOutcome.Failed}.
 */
final class MalformedNpmFileException extends RuntimeException {

    MalformedNpmFileException(String message) {
        super(message);
    }
}
