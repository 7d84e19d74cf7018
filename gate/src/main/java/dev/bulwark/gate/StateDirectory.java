package dev.bulwark.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * Where Bulwark keeps what must survive, such as the notification outbox: a variable names the file, else the user's
 * state directory ({@code $XDG_STATE_HOME/bulwark}, or {@code ~/.local/state/bulwark}). A cache directory may be
 * emptied at any time; a ticket waiting there would be lost.
 */
public final class StateDirectory {

    private StateDirectory() {
    }

    /** The outbox: {@code $BULWARK_OUTBOX}, else {@code outbox.db} in the state directory, moved there from the cache. */
    public static Path outbox() {
        return migrated(file(System.getenv(), System.getProperty("user.home"), "BULWARK_OUTBOX", "outbox.db"),
                CacheDirectory.file("BULWARK_OUTBOX", "outbox.db"));
    }

    /**
     * The posture store: {@code $BULWARK_POSTURE} (a {@code jdbc:postgresql://} URL or an SQLite file), else
     * {@code posture.db} in the state directory.
     */
    public static String posture() {
        return posture(System.getenv(), System.getProperty("user.home"));
    }

    static String posture(Map<String, String> environment, String home) {
        String configured = environment.get("BULWARK_POSTURE");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return file(environment, home, "BULWARK_POSTURE", "posture.db").toString();
    }

    /** The file named by {@code variable} in {@code environment}, else {@code relative} below the state directory. */
    static Path file(Map<String, String> environment, String home, String variable, String relative) {
        String configured = environment.get(variable);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = environment.get("XDG_STATE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(home, ".local", "state") : Path.of(xdg);
        return base.resolve("bulwark").resolve(relative);
    }

    /**
     * {@code now}, after moving the SQLite database at {@code before} (where earlier versions kept it) there when only
     * {@code before} exists: copied whole through SQLite (what its write-ahead log holds included) into a temporary
     * file, renamed into place, and only then removed from where it was.
     */
    static Path migrated(Path now, Path before) {
        if (now.equals(before) || Files.exists(now) || !Files.exists(before)) {
            return now;
        }
        try {
            Files.createDirectories(now.toAbsolutePath().getParent());
            Path partial = now.resolveSibling(now.getFileName() + ".moving");
            Files.deleteIfExists(partial);
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + before);
                 PreparedStatement copy = db.prepareStatement("VACUUM INTO ?")) {
                copy.setString(1, partial.toString());
                copy.execute();
            }
            Files.move(partial, now, StandardCopyOption.ATOMIC_MOVE);
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(before.resolveSibling(before.getFileName() + suffix));
            }
            return now;
        } catch (IOException e) {
            throw new UncheckedIOException("could not move " + before + " to " + now + " (state, not cache): " + e.getMessage()
                    + "; move it by hand, or name the file to use with BULWARK_OUTBOX", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not copy " + before + " to " + now + " (state, not cache): " + e.getMessage()
                    + "; move it by hand, or name the file to use with BULWARK_OUTBOX", e);
        }
    }
}
