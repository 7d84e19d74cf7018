package dev.bulwark.cli.scan;

import dev.bulwark.gate.StateDirectory;
import dev.bulwark.gate.posture.PostureRecorder;
import dev.bulwark.scanner.report.ScanReport;
import dev.bulwark.store.posture.PostureRows;
import java.io.PrintWriter;
import java.util.Optional;
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
        location().ifPresent(chosen -> PostureRecorder.writeAt(chosen, store -> store.savePromotion(promotion), err));
    }
}
