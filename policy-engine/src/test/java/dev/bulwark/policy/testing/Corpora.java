package dev.bulwark.policy.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The shared test corpora (schemas, advisories, version vectors), found through the {@code bulwark.corpora} property. */
public final class Corpora {

    private Corpora() {
    }

    /**
     * A file or folder of the corpora. When it is missing, CI ({@code CI=true}) fails and a developer's run skips,
     * both naming the path.
     */
    public static Path corpus(String relative) {
        Path path = Path.of(System.getProperty("bulwark.corpora", "")).resolve(relative).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            String message = "test corpus " + path + " is missing: put the shared corpora there,"
                    + " or point -Dbulwark.corpora at them";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return path;
    }
}
