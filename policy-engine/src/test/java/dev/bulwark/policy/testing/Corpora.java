package dev.bulwark.policy.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared test corpora (upstream test vectors that live beside the clone, not in it).
 *
 * <p>Surefire passes their root in the system property {@value #PROPERTY}. A corpus that is missing skips the
 * test on a developer machine, but fails it on CI ({@code CI=true}), where a skipped corpus test would hide
 * that nothing was checked.
 */
public final class Corpora {

    /** The system property naming the corpora root directory. */
    public static final String PROPERTY = "bulwark.corpora";

    private Corpora() {
    }

    /**
     * The path of a corpus file or directory under the corpora root, such as
     * {@code version-vectors/apk/version.data}.
     */
    public static Path require(String relativePath) {
        String root = System.getProperty(PROPERTY);
        Path path = Path.of(root == null ? "<system property " + PROPERTY + " not set>" : root)
                .resolve(relativePath)
                .normalize();
        if (root == null || !Files.exists(path)) {
            String message = "corpus missing at " + path;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "; CI must check out the shared corpora beside the repository (../shared/corpora)"
                        + " or set -D" + PROPERTY + "=<directory>");
            }
            Assumptions.assumeTrue(false, message);
        }
        return path;
    }
}
