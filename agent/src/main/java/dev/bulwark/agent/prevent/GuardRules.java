package dev.bulwark.agent.prevent;

import dev.bulwark.policy.runtime.PathGlob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One container's exec rules turned into program identities: the content hashes of the programs the policy denies,
 * allows or the profile knows, found by name in the container's own files when the container is first guarded. An exec
 * is then judged by what the file is, not what it is called: a denied program renamed, copied to {@code /tmp} or
 * started under another {@code argv[0]} has the same content. Judgements are cached by {@link FileKey}, so the answer
 * to a program run before is a lookup.
 *
 * <p>A multi-call binary (busybox) picks its program by {@code argv[0]}, which the kernel has not set when it asks:
 * denying one of its names cannot deny the binary, so its applets are judged by the process sensor just after the exec,
 * with the response ladder.
 */
final class GuardRules {

    /** More names than this for one file make it a multi-call binary. */
    static final int MULTI_CALL_NAMES = 3;
    /** The dynamic loaders the kernel opens for every dynamically linked program. */
    static final List<String> LOADERS = List.of("/lib64/ld-linux-x86-64.so.2", "/lib/ld-linux-aarch64.so.1",
            "/lib/ld-musl-x86_64.so.1", "/lib/ld-musl-aarch64.so.1", "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
            "/lib/aarch64-linux-gnu/ld-linux-aarch64.so.1");

    /** What a file's content is to these rules. */
    sealed interface Content {
        /** Refused whoever runs it. */
        record Denied(String rule, String why) implements Content {
        }

        /** Allowed to anyone. */
        record Allowed() implements Content {
        }

        /** Unknown to the converged profile: refused to the container's own processes. */
        record Unknown(String why) implements Content {
        }

        /** Could not be identified in time: allowed, counted. */
        record Unidentified(String why) implements Content {
        }
    }

    private static final Content ALLOWED = new Content.Allowed();

    private final GuardPlan plan;
    private final Map<String, String> denied;          // hash -> why
    private final Optional<Set<String>> allowed;       // hashes the allow list names
    private final Optional<Set<String>> known;         // hashes of the profile's programs
    private final Set<String> loaders;
    private final Set<Long> sizes;
    private final ContentHashes hashes;
    private final Map<FileKey, Content> judged = new ConcurrentHashMap<>();
    private final List<String> credentials;
    private final Set<String> refusedNames;

    private GuardRules(GuardPlan plan, Map<String, String> denied, Set<String> refusedNames, Optional<Set<String>> allowed, Optional<Set<String>> known,
                       Set<String> loaders, Set<Long> sizes, ContentHashes hashes, List<String> credentials) {
        this.plan = plan;
        this.denied = Map.copyOf(denied);
        this.allowed = allowed.map(Set::copyOf);
        this.known = known.map(Set::copyOf);
        this.loaders = Set.copyOf(loaders);
        this.sizes = Set.copyOf(sizes);
        this.hashes = hashes;
        this.credentials = List.copyOf(credentials);
        this.refusedNames = Set.copyOf(refusedNames);
    }

    /** Reads the container's files and hashes every program the plan names. */
    static GuardRules build(GuardPlan plan, ContainerFiles files, ContentHashes hashes) throws IOException {
        Map<String, String> denied = new HashMap<>();
        Set<String> refusedNames = new HashSet<>();
        Set<String> allowed = new HashSet<>();
        Set<Long> sizes = new HashSet<>();
        Hasher hasher = new Hasher(files, hashes, sizes);
        if (!plan.deniedExecutables().isEmpty() || !plan.allowedExecutables().isEmpty()) {
            Map<String, String> names = files.executables();
            Set<String> multiCall = ContainerFiles.multiCall(names, MULTI_CALL_NAMES);
            for (Map.Entry<String, String> name : names.entrySet()) {
                for (String glob : plan.deniedExecutables()) {
                    if (!multiCall.contains(name.getValue()) && new PathGlob(glob).matches(name.getKey())) {
                        hasher.hash(name.getValue()).ifPresent(hash -> {
                            denied.putIfAbsent(hash, name.getKey() + " matches '" + glob + "' in deniedExecutables ("
                                    + name.getValue() + " by content)");
                            refusedNames.add(name.getKey());
                        });
                    }
                }
                if (plan.allowedExecutables().stream().anyMatch(glob -> new PathGlob(glob).matches(name.getKey()))) {
                    hasher.hash(name.getValue()).ifPresent(allowed::add);
                }
            }
        }
        Optional<Set<String>> known = plan.profilePrograms().map(programs -> {
            Set<String> programHashes = new HashSet<>();
            programs.forEach(program -> files.resolve(program).flatMap(hasher::hash).ifPresent(programHashes::add));
            return programHashes;
        });
        Set<String> loaders = new HashSet<>();
        LOADERS.forEach(loader -> files.resolve(loader).flatMap(hasher::hash).ifPresent(loaders::add));
        List<String> credentials = plan.readableCredentials().map(readable -> CredentialFiles.present(files).stream()
                .filter(path -> !readable.contains(path)).toList()).orElse(List.of());
        return new GuardRules(plan, denied, refusedNames, plan.allowedExecutables().isEmpty() ? Optional.empty() : Optional.of(allowed),
                known, loaders, sizes, hashes, credentials);
    }

    /** Hashes container files by their real container path, noting each one's size. */
    private record Hasher(ContainerFiles files, ContentHashes hashes, Set<Long> sizes) {
        Optional<String> hash(String realPath) {
            Path host = files.hostPath(realPath);
            try {
                FileKey key = FileKey.of(host);
                Optional<String> hash = hashes.hash(key, host, System.nanoTime() + 60_000_000_000L);
                hash.ifPresent(h -> sizes.add(key.size()));
                return hash;
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    GuardPlan plan() {
        return plan;
    }

    /**
     * The names in the container of the programs {@code deniedExecutables} refuses here at the kernel (multi-call
     * binaries' names are not among them: their applets are judged after the exec).
     */
    Set<String> refusedNames() {
        return refusedNames;
    }

    /** The credential files to guard against reads: their container paths. */
    List<String> credentials() {
        return credentials;
    }

    /**
     * What the file about to run is, by its content; cached by its key, so only the first run of each version of a
     * file reads it, and only when its size is that of a program these rules name.
     *
     * @param file a path to the open file (the kernel's descriptor, {@code /proc/self/fd/N})
     */
    Content judge(FileKey key, Path file, long deadlineNanos) {
        Content cached = judged.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<String> hash = sizes.contains(key.size()) ? hashes.hash(key, file, deadlineNanos) : Optional.of("");
        if (hash.isEmpty()) {
            return new Content.Unidentified("its content could not be read in time");
        }
        Content content = judge(hash.get());
        judged.put(key, content);
        return content;
    }

    private Content judge(String hash) {
        String why = denied.get(hash);
        if (why != null) {
            return new Content.Denied("deniedExecutables", why);
        }
        if (loaders.contains(hash)) {
            return ALLOWED;
        }
        if (allowed.isPresent() && !allowed.get().contains(hash)) {
            return new Content.Denied("allowedExecutables", "its content is that of no program allowedExecutables names");
        }
        if (known.isPresent() && !known.get().contains(hash)) {
            return new Content.Unknown("its content is that of no program the converged profile knows");
        }
        return ALLOWED;
    }
}
