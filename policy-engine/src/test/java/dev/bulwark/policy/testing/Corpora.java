package dev.bulwark.policy.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared test corpora (public advisory data, version vectors, schemas), found below the directory named by
 * the system property {@value #PROPERTY}, which Surefire sets to {@code shared/corpora} beside the clone.
 */
public final class Corpora {

    /** The system property naming the corpora root directory. */
    public static final String PROPERTY = "bulwark.corpora";

    private Corpora() {
    }

    /**
     * The corpus at {@code relative} below the corpora root. When it is missing, the calling test fails if the
     * environment variable {@code CI} is {@code true}, so CI cannot pass without its data, and is skipped otherwise;
     * either way the message names the path that was looked for.
     */
    public static Path corpus(String relative) {
        String root = System.getProperty(PROPERTY);
        Path path = (root == null ? Path.of(relative) : Path.of(root).resolve(relative)).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            String message = "corpus missing at " + path + (root == null
                    ? " (system property " + PROPERTY + " is not set: run the tests through Maven, or pass -D"
                            + PROPERTY + "=<path to shared/corpora>)"
                    : "");
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + "; CI needs the shared corpora checked out beside the clone");
            }
            Assumptions.abort(message);
        }
        return path;
    }
}
