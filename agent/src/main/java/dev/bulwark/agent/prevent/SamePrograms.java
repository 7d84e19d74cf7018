package dev.bulwark.agent.prevent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Programs known by what they are, for learned profiles: an exec whose file has the content of a program the profile
 * already knows is that program, whatever its path (a copy, a rename), so it is learned and judged as that program.
 * The known programs' contents are read from the container's own files, once per version of each file; a file that is
 * no known program's size is never read. Used on the judging thread only.
 */
public final class SamePrograms {

    private static final long DEADLINE_NANOS = 200_000_000L;
    private static final System.Logger LOG = System.getLogger(SamePrograms.class.getName());

    private record Known(long mainPid, Set<String> programs, Map<String, String> byHash, Set<Long> sizes) {
    }

    private final ContentHashes hashes = new ContentHashes();
    private static final int CONTAINERS = 4096;
    private final Map<String, Known> byContainer = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > CONTAINERS;
        }
    };

    /**
     * The known program this exec's file is, when its path is not one of them but its content is. Only when the
     * process still runs exactly the file at that path (same device, inode, change time and size): a process that has
     * since run something else, or a file replaced after the exec, is judged by its path.
     *
     * @param programs   the programs the profile knows (container paths)
     * @param executable the exec's executable, as the container names it
     * @param pid        the process (host PID)
     */
    public Optional<String> knownAs(String containerId, long mainPid, Set<String> programs, String executable, long pid) {
        if (pid <= 0 || programs.isEmpty() || programs.contains(executable)) {
            return Optional.empty();
        }
        Known known = known(containerId, mainPid, programs);
        ContainerFiles files = ContainerFiles.ofProcess(mainPid);
        Optional<Path> file = files.resolve(executable).map(files::hostPath);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            FileKey key = FileKey.of(file.get());
            if (!key.equals(FileKey.of(Path.of("/proc", Long.toString(pid), "exe"))) || !known.sizes().contains(key.size())) {
                return Optional.empty();
            }
            return hashes.hash(key, file.get(), System.nanoTime() + DEADLINE_NANOS).map(known.byHash()::get);
        } catch (IOException e) {
            return Optional.empty(); // gone already: judged by its path
        }
    }

    private Known known(String containerId, long mainPid, Set<String> programs) {
        Known cached = byContainer.get(containerId);
        if (cached != null && cached.mainPid() == mainPid && cached.programs().equals(programs)) {
            return cached;
        }
        ContainerFiles files = ContainerFiles.ofProcess(mainPid);
        Map<String, String> byHash = new HashMap<>();
        Set<Long> sizes = new HashSet<>();
        for (String program : programs) {
            files.resolve(program).map(files::hostPath).ifPresent(path -> {
                try {
                    FileKey key = FileKey.of(path);
                    hashes.hash(key, path, System.nanoTime() + DEADLINE_NANOS).ifPresent(hash -> {
                        byHash.putIfAbsent(hash, program);
                        sizes.add(key.size());
                    });
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, program + " is not in the container's files (any more): it cannot"
                            + " be matched by content", e);
                }
            });
        }
        Known fresh = new Known(mainPid, Set.copyOf(programs), Map.copyOf(byHash), Set.copyOf(sizes));
        byContainer.put(containerId, fresh);
        return fresh;
    }
}
