package dev.bulwark.scanner.source;

import dev.bulwark.scanner.image.BlobOpener;
import dev.bulwark.scanner.image.ImageFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * The files of an image archive, read in place: either a directory or an uncompressed tar read with random
 * access, so that a layer is streamed straight out of the archive, never extracted.
 */
final class ArchiveFiles implements AutoCloseable {

    private final Path root;
    private final TarFile tar;
    private final Map<String, TarArchiveEntry> entries = new HashMap<>();

    private ArchiveFiles(Path root, TarFile tar) {
        this.root = root;
        this.tar = tar;
        if (tar != null) {
            for (TarArchiveEntry entry : tar.getEntries()) {
                if (entry.isFile()) {
                    entries.put(normalize(entry.getName()), entry);
                }
            }
        }
    }

    static ArchiveFiles open(Path location) {
        if (Files.isDirectory(location)) {
            return new ArchiveFiles(location, null);
        }
        try {
            return new ArchiveFiles(location, new TarFile(location));
        } catch (NoSuchFileException e) {
            throw new ImageFormatException(location + " does not exist: name an image archive (docker save -o FILE IMAGE)"
                    + " or an OCI layout directory", e);
        } catch (IOException e) {
            throw new ImageFormatException(location + " is not a readable tar archive (" + e.getMessage()
                    + "): compressed archives must be uncompressed first (gunzip)", e);
        }
    }

    private static String normalize(String name) {
        String path = name;
        while (path.startsWith("./") || path.startsWith("/")) {
            path = path.substring(path.startsWith("./") ? 2 : 1);
        }
        return path;
    }

    boolean exists(String name) {
        return tar == null ? Files.isRegularFile(resolve(name)) : entries.containsKey(normalize(name));
    }

    byte[] read(String name) {
        try (InputStream in = opener(name).open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name + " from " + root, e);
        }
    }

    Optional<Long> size(String name) {
        try {
            return tar == null ? Optional.of(Files.size(resolve(name))) : Optional.ofNullable(entries.get(normalize(name))).map(TarArchiveEntry::getSize);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    BlobOpener opener(String name) {
        if (!exists(name)) {
            throw new ImageFormatException(root + " has no file " + name + ": the archive is incomplete");
        }
        if (tar == null) {
            Path file = resolve(name);
            return () -> Files.newInputStream(file);
        }
        TarArchiveEntry entry = entries.get(normalize(name));
        return () -> tar.getInputStream(entry);
    }

    private Path resolve(String name) {
        Path resolved = root.resolve(normalize(name)).normalize();
        if (!resolved.startsWith(root.normalize())) {
            throw new ImageFormatException(root + " refers to " + name + ", outside the archive");
        }
        return resolved;
    }

    @Override
    public void close() {
        if (tar != null) {
            try {
                tar.close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing " + root, e);
            }
        }
    }
}
