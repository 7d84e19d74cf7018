package dev.bulwark.agent.sensor.files;

import dev.bulwark.policy.runtime.FileAccessKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A container's writable layer read where the overlay filesystem keeps it, the {@code upperdir} of its root mount,
 * instead of asking the engine ({@code /changes} walks the same directory): a path there that one of the image's
 * layers ({@code lowerdir}) has is changed, one they lack is added, and a whiteout (a character device 0/0) is a
 * removal. Only for a root mount of type overlay whose directories the agent can read; otherwise the engine is asked.
 */
public final class WritableLayer {

    /** More entries than this in one layer are not read: the rest would be walked at every poll. */
    public static final int MOST_ENTRIES = 100_000;
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;

    private final Path upper;
    private final List<Path> lowers;

    private WritableLayer(Path upper, List<Path> lowers) {
        this.upper = upper;
        this.lowers = lowers;
    }

    /** The writable layer of the container whose main process is {@code pid}, when its root is an overlay the agent can read. */
    public static Optional<WritableLayer> of(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "mountinfo"))) {
            String[] fields = line.split(" ");
            int separator = List.of(fields).indexOf("-");
            if (fields.length >= 5 && fields[4].equals("/") && separator > 0 && separator + 3 < fields.length
                    && fields[separator + 1].equals("overlay")) {
                return parse(fields[separator + 3]);
            }
        }
        return Optional.empty();
    }

    /** From the overlay's super options ({@code rw,lowerdir=A:B,upperdir=U,workdir=W}). */
    static Optional<WritableLayer> parse(String options) {
        Map<String, String> named = new java.util.HashMap<>();
        for (String option : options.split(",")) {
            int equals = option.indexOf('=');
            if (equals > 0) {
                named.put(option.substring(0, equals), Mounts.unescape(option.substring(equals + 1)));
            }
        }
        String upper = named.get("upperdir");
        String lower = named.get("lowerdir");
        if (upper == null || lower == null || !Files.isDirectory(Path.of(upper))) {
            return Optional.empty();
        }
        return Optional.of(new WritableLayer(Path.of(upper), Stream.of(lower.split(":")).map(Path::of).toList()));
    }

    /**
     * What differs from the image now, parents before what they hold: the first {@value #MOST_ENTRIES} entries
     * found, and whether there were more. A path removed while it is read is left out; a directory removed under the
     * walk makes it start again (three times at most).
     */
    public Read changes() throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return walk();
            } catch (java.io.UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException) || attempt == 3) {
                    throw e.getCause();
                }
            }
        }
    }

    private Read walk() throws IOException {
        List<LayerChange> changes = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(upper)) {
            for (Path entry : (Iterable<Path>) walk.skip(1)::iterator) {
                if (changes.size() >= MOST_ENTRIES) {
                    return new Read(changes, true);
                }
                String relative = upper.relativize(entry).toString();
                Map<String, Object> attributes;
                try {
                    attributes = Files.readAttributes(entry, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException removed) {
                    continue;
                }
                boolean whiteout = ((Integer) attributes.get("mode") & S_IFMT) == S_IFCHR && (Long) attributes.get("rdev") == 0;
                FileAccessKind kind = whiteout ? FileAccessKind.DELETE : inImage(relative) ? FileAccessKind.WRITE : FileAccessKind.CREATE;
                changes.add(new LayerChange("/" + relative, kind));
            }
        }
        return new Read(changes, false);
    }

    /** What one reading found: {@code cut} when the layer held more than {@value #MOST_ENTRIES} entries. */
    public record Read(List<LayerChange> changes, boolean cut) {
        public Read {
            changes = List.copyOf(changes);
        }
    }

    private boolean inImage(String relative) {
        return lowers.stream().anyMatch(lower -> Files.exists(lower.resolve(relative), LinkOption.NOFOLLOW_LINKS));
    }
}
