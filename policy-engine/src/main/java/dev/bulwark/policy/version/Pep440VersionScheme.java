package dev.bulwark.policy.version;

import dev.bulwark.policy.text.Memo;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;

/**
 * Python package versions (PyPI), ordered as PEP 440 and the {@code packaging} library order them.
 *
 * <p>Versions compare by epoch, then release numbers (trailing zeros ignored, so {@code 1.0 = 1.0.0}), then
 * phase: {@code 1.0.dev1 < 1.0a1.dev1 < 1.0a1 < 1.0b1 < 1.0rc1 < 1.0 < 1.0.post1.dev1 < 1.0.post1}, then the
 * local version: none sorts first, then segment by segment, where letters sort before numbers.
 * Different spellings of one version are equal: {@code 1.0.0a1 = 1.0.0-alpha1 = v1.0.0.A.1}.
 */
public final class Pep440VersionScheme implements VersionScheme {

    /** Versions read before: matching compares the same few versions with every advisory of a package. */
    private static final Memo<Pep440Version> READ = new Memo<>(100_000, Pep440Version::parse);

    private static final Comparator<Pep440Version> ORDER = Comparator
            .comparing(Pep440Version::epoch)
            .thenComparing(Pep440VersionScheme::compareReleases)
            .thenComparing(Pep440VersionScheme::comparePhases)
            .thenComparing(Pep440VersionScheme::compareLocals);

    @Override
    public String name() {
        return "pep440";
    }

    @Override
    public int compare(String a, String b) {
        return Integer.signum(ORDER.compare(READ.of(a), READ.of(b)));
    }

    @Override
    public void validate(String version) {
        Pep440Version.parse(version);
    }

    /**
     * The normal form of a version, as {@code packaging} prints it: {@code 1.0.0-ALPHA.1} gives {@code 1.0.0a1},
     * {@code v1.0-r2} gives {@code 1.0.post2}.
     *
     * @param version a version in any spelling PEP 440 allows
     * @return the normal form
     * @throws InvalidVersionException if the version does not follow PEP 440
     */
    public String normalize(String version) {
        return Pep440Version.parse(version).toString();
    }

    private static int compareReleases(Pep440Version a, Pep440Version b) {
        List<BigInteger> x = a.release();
        List<BigInteger> y = b.release();
        for (int index = 0; index < Math.max(x.size(), y.size()); index++) {
            BigInteger m = index < x.size() ? x.get(index) : BigInteger.ZERO;
            BigInteger n = index < y.size() ? y.get(index) : BigInteger.ZERO;
            if (m.compareTo(n) != 0) {
                return m.compareTo(n);
            }
        }
        return 0;
    }

    private static int comparePhases(Pep440Version a, Pep440Version b) {
        int byPre = comparePre(a, b);
        if (byPre != 0) {
            return byPre;
        }
        // No post release sorts before any post release; no dev release sorts after any dev release.
        int byPost = compareAbsentFirst(a.post(), b.post());
        return byPost != 0 ? byPost : compareAbsentLast(a.dev(), b.dev());
    }

    // A version with only a dev release (1.0.dev1) sorts before all of its pre-releases; one with no pre-release
    // sorts after them.
    private static int comparePre(Pep440Version a, Pep440Version b) {
        int rankA = preRank(a);
        int rankB = preRank(b);
        if (rankA != rankB || rankA != 1) {
            return Integer.compare(rankA, rankB);
        }
        int byLabel = a.preLabel().compareTo(b.preLabel()); // "a" < "b" < "rc"
        return byLabel != 0 ? byLabel : a.preNumber().compareTo(b.preNumber());
    }

    private static int preRank(Pep440Version version) {
        if (version.preLabel() != null) {
            return 1;
        }
        return version.post() == null && version.dev() != null ? 0 : 2;
    }

    private static int compareAbsentFirst(BigInteger a, BigInteger b) {
        if (a == null || b == null) {
            return Boolean.compare(a != null, b != null);
        }
        return a.compareTo(b);
    }

    private static int compareAbsentLast(BigInteger a, BigInteger b) {
        if (a == null || b == null) {
            return Boolean.compare(a == null, b == null);
        }
        return a.compareTo(b);
    }

    // Segment by segment: letters before numbers, numbers by value, letters alphabetically; a prefix sorts first.
    private static int compareLocals(Pep440Version a, Pep440Version b) {
        List<String> x = a.local();
        List<String> y = b.local();
        for (int index = 0; index < Math.min(x.size(), y.size()); index++) {
            int bySegment = compareLocalSegments(x.get(index), y.get(index));
            if (bySegment != 0) {
                return bySegment;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    private static int compareLocalSegments(String x, String y) {
        boolean numericX = SemverPrecedence.isNumeric(x);
        boolean numericY = SemverPrecedence.isNumeric(y);
        if (numericX && numericY) {
            return new BigInteger(x).compareTo(new BigInteger(y));
        }
        if (numericX != numericY) {
            return numericX ? 1 : -1;
        }
        return x.compareTo(y);
    }
}
