package dev.bulwark.agent.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The container the agent itself runs in, if any, so that it never responds to itself. Found in
 * {@code /proc/self/cgroup} (cgroup v1, and v2 with the systemd or cgroupfs driver) or else in
 * {@code /proc/self/mountinfo}, where cgroup v2 with a private namespace leaves only {@code 0::/} in the
 * former but the container's {@code /etc/hostname} mount still names {@code …/containers/ID/hostname}.
 */
public final class SelfIdentity {

    private static final Pattern CGROUP_ID = Pattern.compile("(?:docker[-/]|/)([0-9a-f]{64})(?:\\.scope)?\\s*$",
            Pattern.MULTILINE);
    private static final Pattern MOUNTINFO_ID = Pattern.compile("/containers/([0-9a-f]{64})/");

    private SelfIdentity() {
    }

    /** The ID of the container this process runs in, or empty when it runs on the host. */
    public static Optional<String> containerId() {
        return read(Path.of("/proc/self/cgroup")).flatMap(SelfIdentity::fromCgroup)
                .or(() -> read(Path.of("/proc/self/mountinfo")).flatMap(SelfIdentity::fromMountinfo));
    }

    static Optional<String> fromCgroup(String cgroup) {
        Matcher matcher = CGROUP_ID.matcher(cgroup);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static Optional<String> fromMountinfo(String mountinfo) {
        Matcher matcher = MOUNTINFO_ID.matcher(mountinfo);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException | SecurityException unreadable) {
            // Not Linux, or a locked-down /proc: no container to exclude is the honest answer.
            return Optional.empty();
        }
    }
}
