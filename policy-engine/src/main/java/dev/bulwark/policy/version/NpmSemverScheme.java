package dev.bulwark.policy.version;

import dev.bulwark.policy.text.Memo;
import dev.bulwark.policy.version.NpmRange.Bound;
import java.util.List;
import org.semver4j.Semver;

/**
 * npm package versions and ranges, with node-semver's semantics.
 *
 * <p>Versions are read loosely, as npm reads package metadata: {@code v1.2.3}, {@code =1.2.3} and
 * {@code " v 1.2.3 "} all mean {@code 1.2.3}, and {@code 1.2.3beta} means {@code 1.2.3-beta}. They are ordered
 * by Semantic Versioning precedence, as node-semver orders them: build metadata is ignored, a pre-release is
 * older than its release, and pre-release identifiers compare numerically when both are numbers and as ASCII
 * strings otherwise ({@code 1.2.3-r100 < 1.2.3-r2}). semver4j parses versions and expands range syntax, but its
 * own ordering compares identifiers like {@code r2} and {@code r100} naturally, so npm's precedence is applied
 * here.
 */
public final class NpmSemverScheme implements VersionScheme {

    /** Versions read before: matching compares the same few versions with every advisory of a package. */
    private static final Memo<Semver> READ = new Memo<>(100_000, LooseSemver::parse);

    @Override
    public String name() {
        return LooseSemver.SCHEME;
    }

    @Override
    public int compare(String a, String b) {
        return compare(READ.of(a), READ.of(b));
    }

    @Override
    public void validate(String version) {
        LooseSemver.parse(version);
    }

    /**
     * Whether a version lies in an npm range, leaving out pre-releases the range does not name: {@code 1.3.0-rc.1}
     * does not satisfy {@code ^1.2.3}, but {@code 1.2.3-rc.2} satisfies {@code ^1.2.3-rc.1}.
     *
     * @param version the version, read loosely
     * @param range   the range, read loosely
     * @return whether the version satisfies the range
     * @throws InvalidVersionException if the range holds no readable comparator
     * @see #satisfies(String, String, boolean)
     */
    public boolean satisfies(String version, String range) {
        return satisfies(version, range, false);
    }

    /**
     * Whether a version lies in an npm range such as {@code ^1.2.3 || >=2.0.0-rc.1 <3}, read in loose mode.
     *
     * <p>As in npm, a version that is not semver satisfies no range (call {@link #validate} to tell the cases
     * apart), and comparators that loose mode cannot read are dropped from the range. Unlike npm, a range with
     * nothing readable left is an error rather than a range nothing satisfies, so that a broken advisory range
     * is noticed instead of silently matching no version.
     *
     * @param version the version, read loosely
     * @param range   the range, read loosely
     * @param includePrerelease whether pre-releases of any version may satisfy the range, as with node-semver's
     *     {@code includePrerelease} option
     * @return whether the version satisfies the range
     * @throws InvalidVersionException if the range holds no readable comparator
     */
    public boolean satisfies(String version, String range, boolean includePrerelease) {
        NpmRange parsed = NpmRange.parse(range, includePrerelease);
        Semver candidate;
        try {
            candidate = LooseSemver.parse(version);
        } catch (InvalidVersionException notSemver) {
            return false;
        }
        return parsed.sets().stream().anyMatch(set -> satisfiesAll(candidate, set, includePrerelease));
    }

    private static boolean satisfiesAll(Semver version, List<Bound> set, boolean includePrerelease) {
        if (!set.stream().allMatch(bound -> holds(version, bound))) {
            return false;
        }
        if (version.getPreRelease().isEmpty() || includePrerelease) {
            return true;
        }
        // A pre-release passes only if a bound names a pre-release of the same major.minor.patch.
        return set.stream().anyMatch(bound -> bound.match(any -> false, nothing -> false,
                compare -> !compare.limit().getPreRelease().isEmpty()
                        && compare.limit().getMajor() == version.getMajor()
                        && compare.limit().getMinor() == version.getMinor()
                        && compare.limit().getPatch() == version.getPatch()));
    }

    private static boolean holds(Semver version, Bound bound) {
        return bound.match(any -> true, nothing -> false, compare -> holds(compare(version, compare.limit()), compare));
    }

    private static boolean holds(int order, Bound.Compare bound) {
        return switch (bound.operator()) {
            case EQ -> order == 0;
            case LT -> order < 0;
            case LTE -> order <= 0;
            case GT -> order > 0;
            case GTE -> order >= 0;
        };
    }

    private static int compare(Semver a, Semver b) {
        int byMajor = Integer.compare(a.getMajor(), b.getMajor());
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(a.getMinor(), b.getMinor());
        if (byMinor != 0) {
            return byMinor;
        }
        int byPatch = Integer.compare(a.getPatch(), b.getPatch());
        return byPatch != 0 ? byPatch : SemverPrecedence.comparePreReleases(a.getPreRelease(), b.getPreRelease());
    }
}
