package dev.bulwark.cli.scan;

import dev.bulwark.gate.StateDirectory;
import dev.bulwark.gate.posture.PostureRecorder;
import dev.bulwark.scanner.report.ScanReport;
import dev.bulwark.store.posture.PostureDatabase;
import dev.bulwark.store.posture.PostureRows;
import dev.bulwark.store.posture.PostureStore;
import dev.bulwark.store.posture.PostureStoreException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * Where the posture store is: {@code --posture}, else {@code $BULWARK_POSTURE}, else {@code posture.db} in the state
 * directory; {@code none} keeps nothing.
 */
public final class PostureLocation {

    /** The word that turns storing off. */
    public static final String NONE = "none";

    @Option(names = "--posture", paramLabel = "URL|FILE",
            description = "the posture store every scan, gate and promotion is kept in, for bulwark posture refresh: a"
                    + " jdbc:postgresql:// URL shared by many hosts, an SQLite file, or none (default: $BULWARK_POSTURE, else"
                    + " posture.db in the state directory)")
    String location;

    /** The store's location; empty when it is {@code none}. */
    public Optional<String> location() {
        String chosen = location != null ? location.strip() : StateDirectory.posture();
        return chosen.equals(NONE) ? Optional.empty() : Optional.of(chosen);
    }

    /** Stores what a scan read and decided; a store that cannot be written is a warning, the verdict stands. */
    public void record(ScanReport report, PrintWriter err) {
        location().ifPresent(chosen -> PostureRecorder.recordAt(chosen, report, err));
    }

    /** Records where a promotion took an image; a store that cannot be written is a warning. */
    public void promoted(PostureRows.Promotion promotion, PrintWriter err) {
        write(store -> store.savePromotion(promotion), err);
    }

    private void write(Consumer<PostureStore> work, PrintWriter err) {
        Optional<String> chosen = location();
        if (chosen.isEmpty()) {
            return;
        }
        try (PostureDatabase database = PostureDatabase.open(chosen.get())) {
            work.accept(new PostureStore(database));
        } catch (PostureStoreException | UncheckedIOException e) {
            err.println("bulwark: warning: not kept in the posture store, so bulwark posture refresh will not judge it again: "
                    + e.getMessage());
            err.flush();
        }
    }
}
