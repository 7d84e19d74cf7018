package dev.bulwark.policy.profile;

import java.util.List;
import java.util.Objects;

/**
 * What the image declares, which starts a profile so that a fresh container is not all "new": the executable of its
 * ENTRYPOINT/CMD (and a script's interpreter), its EXPOSE ports, its VOLUMEs (writable), its HEALTHCHECK command and
 * its USER.
 *
 * @param executables  executable paths the entrypoint runs
 * @param listening    exposed ports as {@code tcp:80}
 * @param writes       volumes as write globs ({@code /data/**})
 * @param healthchecks executable paths of the health check
 * @param user         the declared user (empty: root)
 */
public record Prior(List<String> executables, List<String> listening, List<String> writes, List<String> healthchecks,
                    String user) {

    public Prior {
        executables = List.copyOf(Objects.requireNonNullElse(executables, List.of()));
        listening = List.copyOf(Objects.requireNonNullElse(listening, List.of()));
        writes = List.copyOf(Objects.requireNonNullElse(writes, List.of()));
        healthchecks = List.copyOf(Objects.requireNonNullElse(healthchecks, List.of()));
        user = Objects.requireNonNullElse(user, "");
    }

    public static Prior none() {
        return new Prior(null, null, null, null, null);
    }
}
