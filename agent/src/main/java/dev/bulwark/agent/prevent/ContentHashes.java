package dev.bulwark.agent.prevent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SHA-256 of file contents, cached by {@link FileKey}: a program is hashed once per version of its file, whatever name
 * or copy runs it. A hash that would take longer than its deadline is given up (empty), never waited for.
 */
final class ContentHashes {

    private static final int REMEMBERED = 100_000;

    private final Map<FileKey, String> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FileKey, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The cached hash, without reading anything. */
    synchronized Optional<String> cached(FileKey key) {
        return Optional.ofNullable(cache.get(key));
    }

    /** The file's hash, read now unless cached; empty when it could not be read before {@code deadlineNanos}. */
    Optional<String> hash(FileKey key, Path file, long deadlineNanos) {
        Optional<String> known = cached(key);
        if (known.isPresent()) {
            return known;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
            while (channel.read(buffer) > 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
                if (System.nanoTime() - deadlineNanos > 0) {
                    return Optional.empty();
                }
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            synchronized (this) {
                cache.put(key, hash);
            }
            return Optional.of(hash);
        } catch (IOException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
