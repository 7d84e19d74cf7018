package dev.bulwark.agent.prevent;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A container's files as the container sees them, read from the host through {@code /proc/<pid>/root}. Symbolic links
 * are followed by hand, inside the container's root: the kernel would resolve an absolute link against the agent's own
 * root, so {@code /bin/sh -> /usr/bin/dash} read naively would name the host's dash.
 */
public final class ContainerFiles {

    private static final int MAX_LINKS = 40;
    /** Past this many entries the walk stops: names beyond it are still resolved one by one. */
    static final int MAX_WALKED = 300_000;

    private final Path root;

    public ContainerFiles(Path root) {
        this.root = root;
    }

    static ContainerFiles ofProcess(long pid) {
        return new ContainerFiles(Path.of("/proc", Long.toString(pid), "root"));
    }

    Path root() {
        return root;
    }

    /** The host path of the file a container path names after every link, when it is a regular file. */
    public Optional<Path> resolveFile(String containerPath) {
        return resolve(containerPath).map(this::hostPath).filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS));
    }

    /** The container path with every link resolved inside the container's root, or empty when it cannot be. */
    public Optional<String> resolve(String containerPath) {
        Deque<String> pending = new ArrayDeque<>();
        for (String part : containerPath.split("/")) {
            if (!part.isEmpty()) {
                pending.addLast(part);
            }
        }
        Deque<String> resolved = new ArrayDeque<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String part = pending.removeFirst();
            if (part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                resolved.pollLast();
                continue;
            }
            resolved.addLast(part);
            Path host = hostPath("/" + String.join("/", resolved));
            if (!Files.isSymbolicLink(host)) {
                continue;
            }
            if (++links > MAX_LINKS) {
                return Optional.empty();
            }
            String target;
            try {
                target = Files.readSymbolicLink(host).toString();
            } catch (IOException e) {
                return Optional.empty();
            }
            resolved.removeLast();
            if (target.startsWith("/")) {
                resolved.clear();
            }
            String[] parts = target.split("/");
            for (int i = parts.length - 1; i >= 0; i--) {
                if (!parts[i].isEmpty()) {
                    pending.addFirst(parts[i]);
                }
            }
        }
        return Optional.of("/" + String.join("/", resolved));
    }

    Path hostPath(String containerPath) {
        return root.resolve(containerPath.replaceFirst("^/+", ""));
    }

    /**
     * Every executable regular file on the container's root filesystem (not its volumes, tmpfs or /proc), by every
     * name it has there: its own path, the paths of links to it, and the same under directories that are links
     * ({@code /bin -> usr/bin}). Name → real container path.
     */
    Map<String, String> executables() throws IOException {
        Map<String, String> names = new HashMap<>();
        Map<String, String> directoryLinks = new HashMap<>(); // link path -> real directory path
        Object rootDevice = Files.getAttribute(root, "unix:dev");
        int[] walked = {0};
        Path start = root.resolve("."); // /proc/<pid>/root is itself a link: walk what it leads to
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (++walked[0] > MAX_WALKED) {
                    return FileVisitResult.TERMINATE;
                }
                return dir.equals(start) || rootDevice.equals(Files.getAttribute(dir, "unix:dev", LinkOption.NOFOLLOW_LINKS))
                        ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (++walked[0] > MAX_WALKED) {
                    return FileVisitResult.TERMINATE;
                }
                String name = "/" + start.relativize(file);
                if (attrs.isRegularFile() && executable(file)) {
                    names.put(name, name);
                } else if (attrs.isSymbolicLink()) {
                    resolve(name).ifPresent(target -> {
                        Path host = hostPath(target);
                        if (Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
                            directoryLinks.put(name, target);
                        } else if (Files.isRegularFile(host, LinkOption.NOFOLLOW_LINKS) && executable(host)) {
                            names.put(name, target);
                        }
                    });
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        Map<String, String> aliases = new HashMap<>();
        directoryLinks.forEach((link, directory) -> names.forEach((name, real) -> {
            if (name.startsWith(directory + "/")) {
                aliases.put(link + name.substring(directory.length()), real);
            }
        }));
        aliases.forEach(names::putIfAbsent);
        return names;
    }

    /** The real paths reached by more than {@code limit} distinct base names: multi-call binaries such as busybox. */
    static Set<String> multiCall(Map<String, String> names, int limit) {
        Map<String, Set<String>> baseNames = new HashMap<>();
        names.forEach((name, real) -> baseNames.computeIfAbsent(real, r -> new HashSet<>())
                .add(name.substring(name.lastIndexOf('/') + 1)));
        Set<String> multi = new HashSet<>();
        baseNames.forEach((real, bases) -> {
            String own = real.substring(real.lastIndexOf('/') + 1);
            if (bases.size() > limit || dev.bulwark.policy.runtime.Applets.multiCall(own)) {
                multi.add(real);
            }
        });
        return multi;
    }

    private static boolean executable(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            return permissions.contains(PosixFilePermission.OWNER_EXECUTE) || permissions.contains(PosixFilePermission.GROUP_EXECUTE)
                    || permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
