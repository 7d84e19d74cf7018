package dev.bulwark.policy.version;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go module versions, ordered as {@code golang.org/x/mod/semver} orders them.
 *
 * <p>A version is semantic with a leading {@code v}: {@code v1.2.3}, {@code v1.2.3-rc.1}, or the shorthands
 * {@code v1} and {@code v1.2} (meaning {@code v1.0.0} and {@code v1.2.0}). The {@code v} may be left out, as OSV
 * writes Go versions. Build metadata such as {@code +incompatible} is ignored for ordering, so
 * {@code v2.0.0+incompatible = v2.0.0}.
 *
 * <p>Pseudo-versions need no special rule: they are pre-releases built so that semantic ordering puts them in
 * place. {@code v0.0.0-20191109021931-daa7c04131f5} sorts before {@code v0.0.1};
 * {@code v1.2.4-0.20191109021931-daa7c04131f5} after {@code v1.2.3} and before {@code v1.2.4};
 * {@code v1.2.3-pre.0.20191109021931-daa7c04131f5} after {@code v1.2.3-pre}; and two pseudo-versions of one
 * base order by their commit times.
 */
public final class GoVersionScheme implements VersionScheme {

    private static final String SCHEME = "go";
    private static final String NUMBER = "(0|[1-9][0-9]*)";
    private static final String IDENTIFIER = "[0-9A-Za-z-]+";
    private static final Pattern VERSION = Pattern.compile("v?" + NUMBER + "(?:\\." + NUMBER + "(?:\\." + NUMBER
            + "(?:-(" + IDENTIFIER + "(?:\\." + IDENTIFIER + ")*))?(?:\\+(" + IDENTIFIER + "(?:\\." + IDENTIFIER
            + ")*))?)?)?");
    private static final Pattern TIMESTAMP_AND_COMMIT = Pattern.compile("[0-9]{14}-[A-Za-z0-9]+");
    private static final Pattern AFTER_TAG = Pattern.compile("(?:.*\\.)?0\\.[0-9]{14}-[A-Za-z0-9]+");

    @Override
    public String name() {
        return SCHEME;
    }

    @Override
    public int compare(String a, String b) {
        GoVersion left = GoVersion.parse(a);
        GoVersion right = GoVersion.parse(b);
        int byMajor = SemverPrecedence.compareNumbers(left.major(), right.major());
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = SemverPrecedence.compareNumbers(left.minor(), right.minor());
        if (byMinor != 0) {
            return byMinor;
        }
        int byPatch = SemverPrecedence.compareNumbers(left.patch(), right.patch());
        return byPatch != 0 ? byPatch : SemverPrecedence.comparePreReleases(left.preRelease(), right.preRelease());
    }

    @Override
    public void validate(String version) {
        GoVersion.parse(version);
    }

    /**
     * Whether a valid version is a pseudo-version, a version the go command made up for an untagged commit,
     * such as {@code v0.0.0-20191109021931-daa7c04131f5}.
     *
     * @param version a Go module version
     * @return whether it is a pseudo-version
     * @throws InvalidVersionException if it is not a valid Go version
     */
    public boolean isPseudoVersion(String version) {
        GoVersion parsed = GoVersion.parse(version);
        String preRelease = String.join(".", parsed.preRelease());
        boolean untaggedBase = parsed.minor().equals("0") && parsed.patch().equals("0");
        return (untaggedBase && TIMESTAMP_AND_COMMIT.matcher(preRelease).matches())
                || AFTER_TAG.matcher(preRelease).matches();
    }

    private record GoVersion(String major, String minor, String patch, List<String> preRelease) {

        static GoVersion parse(String text) {
            Objects.requireNonNull(text, "version");
            Matcher matcher = VERSION.matcher(text);
            if (!matcher.matches()) {
                throw new InvalidVersionException(SCHEME, text, "write it as vMAJOR.MINOR.PATCH with optional"
                        + " -prerelease and +build parts and no leading zeros, as in v1.4.2,"
                        + " v2.0.0+incompatible or v0.0.0-20191109021931-daa7c04131f5");
            }
            String pre = matcher.group(4);
            if (pre != null && List.of(pre.split("\\.")).stream().anyMatch(GoVersion::hasLeadingZero)) {
                throw new InvalidVersionException(SCHEME, text, "a numeric pre-release identifier has a leading"
                        + " zero; write 1 instead of 01, as in v1.0.0-rc.1");
            }
            return new GoVersion(matcher.group(1), orZero(matcher.group(2)), orZero(matcher.group(3)),
                    pre == null ? List.of() : List.of(pre.split("\\.")));
        }

        private static boolean hasLeadingZero(String identifier) {
            return identifier.length() > 1 && identifier.startsWith("0") && SemverPrecedence.isNumeric(identifier);
        }

        private static String orZero(String number) {
            return number == null ? "0" : number;
        }
    }
}
