package dev.bulwark.agent.daemon;

import dev.bulwark.policy.runtime.FileAccessKind;
import dev.bulwark.policy.runtime.Observation;
import java.util.List;

/**
 * Which file events are worth judging: every write and every open to execute, and reads of the files attackers go for. fanotify reports
 * every open in every container (libraries, locale files…); judging them all would only cost time.
 */
final class SensitiveFiles {

    private static final List<String> READ_PREFIXES = List.of("/etc/shadow", "/etc/gshadow", "/etc/sudoers", "/root/.ssh/",
            "/etc/ssh/ssh_host_", "/var/run/secrets/", "/run/secrets/", "/proc/kcore");

    private SensitiveFiles() {
    }

    static boolean worthJudging(Observation observation) {
        if (observation instanceof Observation.FileAccess access && access.kind() == FileAccessKind.READ) {
            return READ_PREFIXES.stream().anyMatch(access.path()::startsWith);
        }
        return true;
    }
}
