package dev.bulwark.gate;

import java.nio.file.Path;

/** Where Bulwark keeps what it builds and queues: a variable names the file, else the user's cache directory. */
public final class CacheDirectory {

    private CacheDirectory() {
    }

    /**
     * The file named by the environment variable when it is set, else {@code relative} below
     * {@code $XDG_CACHE_HOME/bulwark} (or {@code ~/.cache/bulwark}).
     */
    public static Path file(String variable, String relative) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("bulwark").resolve(relative);
    }
}
