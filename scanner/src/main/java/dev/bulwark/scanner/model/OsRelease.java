package dev.bulwark.scanner.model;

import java.util.Objects;

/**
 * The operating system of an image, from {@code /etc/os-release} or a distro-specific release file.
 *
 * @param id              {@code ID}: debian, ubuntu, alpine, fedora, rhel, …
 * @param versionId       {@code VERSION_ID}: 12, 22.04, 3.20.3, 9.4, … (empty for rolling releases)
 * @param versionCodename {@code VERSION_CODENAME}: bookworm, jammy, … or empty
 * @param prettyName      {@code PRETTY_NAME}, for people
 */
public record OsRelease(String id, String versionId, String versionCodename, String prettyName) {

    public OsRelease {
        Objects.requireNonNull(id, "id");
        versionId = Objects.requireNonNullElse(versionId, "");
        versionCodename = Objects.requireNonNullElse(versionCodename, "");
        prettyName = Objects.requireNonNullElse(prettyName, id + " " + versionId);
    }
}
