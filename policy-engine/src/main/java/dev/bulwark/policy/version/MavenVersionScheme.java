package dev.bulwark.policy.version;

import java.util.Objects;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Maven artifact versions, ordered by Maven's own {@link ComparableVersion}, so {@code 1.0-alpha-1 < 1.0-beta-1
 * < 1.0-SNAPSHOT < 1.0 = 1.0.0 = 1.0-ga < 1.0-sp < 1.0-1 < 1.0.1}.
 *
 * <p>Maven orders any string; this scheme refuses only blank versions and versions with whitespace, which no
 * Maven repository publishes.
 */
public final class MavenVersionScheme implements VersionScheme {

    private static final String SCHEME = "maven";

    @Override
    public String name() {
        return SCHEME;
    }

    @Override
    public int compare(String a, String b) {
        return Integer.signum(parse(a).compareTo(parse(b)));
    }

    @Override
    public void validate(String version) {
        Objects.requireNonNull(version, "version");
        if (version.isBlank() || version.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidVersionException(SCHEME, version,
                    "it must be non-blank and free of whitespace, as in 2.17.1 or 1.0-SNAPSHOT");
        }
    }

    private static ComparableVersion parse(String version) {
        return new ComparableVersion(Objects.requireNonNull(version, "version"));
    }
}
