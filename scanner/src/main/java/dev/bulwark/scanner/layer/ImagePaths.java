package dev.bulwark.scanner.layer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Paths inside an image root. Every path Bulwark keeps is normalised here: no leading slash, no {@code .}
 * or {@code ..} segments, and never anything above the root.
 */
public final class ImagePaths {

    private ImagePaths() {
    }

    /**
     * A tar entry name as a path under the root, or empty when it climbs above the root ({@code ../../etc/passwd}).
     */
    public static Optional<String> normalize(String name) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : name.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return Optional.of(String.join("/", parts));
    }

    /**
     * Where a symlink's target points, resolved the way the kernel does inside a chroot: an absolute target
     * starts at the image root, and {@code ..} at the root stays at the root.
     *
     * @param link   the link's own path (normalised)
     * @param target the link's target as stored
     */
    public static String resolveLinkTarget(String link, String target) {
        String base = target.startsWith("/") ? "" : parentOf(link);
        Deque<String> parts = new ArrayDeque<>();
        for (String part : (base + "/" + target).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    public static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Whether {@code path} is {@code directory} or lies below it. */
    public static boolean isUnder(String path, String directory) {
        return directory.isEmpty() || path.equals(directory) || path.startsWith(directory + "/");
    }
}
