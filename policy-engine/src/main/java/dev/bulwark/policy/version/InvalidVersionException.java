package dev.bulwark.policy.version;

/**
 * A version string that a {@link VersionScheme} cannot read. The message names the scheme, quotes the version
 * and shows what a valid one looks like.
 */
public final class InvalidVersionException extends IllegalArgumentException {

    /** The scheme that refused the version. */
    private final String scheme;
    /** The refused text, as given. */
    private final String version;

    /**
     * @param scheme  the scheme that refused the version, such as {@code dpkg}
     * @param version the offending version, as given
     * @param problem what is wrong and how a valid version looks
     */
    public InvalidVersionException(String scheme, String version, String problem) {
        this(scheme, "version", version, problem);
    }

    /**
     * @param scheme  the scheme that refused the text, such as {@code npm}
     * @param what    what the text should have been, such as {@code version} or {@code range}
     * @param version the offending text, as given
     * @param problem what is wrong and how valid text looks
     */
    public InvalidVersionException(String scheme, String what, String version, String problem) {
        super("'" + version + "' is not a valid " + scheme + " " + what + ": " + problem);
        this.scheme = scheme;
        this.version = version;
    }

    /**
     * The scheme that refused the version.
     *
     * @return its name, such as {@code dpkg}
     */
    public String scheme() {
        return scheme;
    }

    /**
     * The refused text.
     *
     * @return the version (or range) as it was given
     */
    public String version() {
        return version;
    }
}
