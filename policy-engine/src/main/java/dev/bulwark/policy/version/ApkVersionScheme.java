package dev.bulwark.policy.version;

import dev.bulwark.policy.version.ApkTokenizer.Kind;
import dev.bulwark.policy.version.ApkTokenizer.Suffix;
import java.util.Objects;

/**
 * Alpine package versions, ordered as apk-tools orders them.
 *
 * <p>A version is {@code digit{.digit}...{letter}{_suffix{number}}...{~hash}{-rN}}, as in {@code 1.2.3b_rc2-r1}
 * or {@code 0.1_pre2~1234abcd}. Tokens compare pairwise: numbers as numbers (but a dotted part with a leading
 * zero compares as a string, as Gentoo does), letters by code, suffixes as {@code _alpha < _beta < _pre < _rc}
 * &lt; no suffix &lt; {@code _cvs < _svn < _git < _hg < _p}, commit hashes as strings, {@code -rN} revisions
 * as numbers. When one version runs out first it is older, unless the other goes on with a pre-release suffix.
 *
 * <p>Like apk, {@link #compare} orders malformed versions up to their first bad token;
 * {@link #validate} refuses them.
 */
public final class ApkVersionScheme implements VersionScheme {

    private static final String SCHEME = "apk";
    private static final int LESS = -1;
    private static final int EQUAL = 0;
    private static final int GREATER = 1;

    @Override
    public String name() {
        return SCHEME;
    }

    @Override
    public int compare(String a, String b) {
        return compareFuzzy(a, b, false);
    }

    @Override
    public void validate(String version) {
        Objects.requireNonNull(version, "version");
        ApkTokenizer tokens = new ApkTokenizer(version);
        while (tokens.kind().compareTo(Kind.END) < 0) {
            tokens.advance();
        }
        if (tokens.kind() != Kind.END) {
            throw new InvalidVersionException(SCHEME, version, "write it as digits separated by dots, then"
                    + " optionally one letter, _alpha/_beta/_pre/_rc/_cvs/_svn/_git/_hg/_p suffixes with"
                    + " optional numbers, a ~commithash and a -rN revision, as in 1.2.3b_rc2~1a2b3c-r1");
        }
    }

    /**
     * Whether {@code version operator other} holds as an apk dependency constraint would have it.
     *
     * @param version  the version being tested, such as an installed package's
     * @param operator one or more of {@code < > = ~}: {@code <}, {@code <=}, {@code =}, {@code >=}, {@code >},
     *     or the fuzzy {@code ~}, {@code <~}, {@code >~}, where {@code ~} matches {@code other} as a prefix
     *     ({@code 3.6.9 ~ 3.6} holds)
     * @param other    the version in the constraint
     * @return whether the constraint holds
     * @throws IllegalArgumentException for any other operator
     */
    public boolean matches(String version, String operator, String other) {
        Objects.requireNonNull(operator, "operator");
        boolean fuzzy = operator.indexOf('~') >= 0;
        boolean equal = fuzzy || operator.indexOf('=') >= 0;
        if (operator.isEmpty() || !operator.chars().allMatch(c -> "<>=~".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("apk operator '" + operator
                    + "' is not one of <, <=, =, >=, >, ~, <~ or >~");
        }
        int result = compareFuzzy(version, other, fuzzy);
        return (result < 0 && operator.indexOf('<') >= 0)
                || (result > 0 && operator.indexOf('>') >= 0)
                || (result == 0 && equal);
    }

    private static int compareFuzzy(String a, String b, boolean fuzzy) {
        ApkTokenizer left = new ApkTokenizer(Objects.requireNonNull(a, "a"));
        ApkTokenizer right = new ApkTokenizer(Objects.requireNonNull(b, "b"));
        while (left.kind() == right.kind() && left.kind().compareTo(Kind.END) < 0) {
            int byToken = compareTokens(left, right);
            if (byToken != EQUAL) {
                return byToken;
            }
            left.advance();
            right.advance();
        }
        return compareTails(left, right, fuzzy);
    }

    // All shared tokens are equal: the version that goes on is newer, unless it goes on with a pre-release.
    private static int compareTails(ApkTokenizer left, ApkTokenizer right, boolean fuzzy) {
        if (left.kind() == right.kind() || (fuzzy && right.kind() == Kind.END)) {
            return EQUAL;
        }
        if (isPreRelease(left)) {
            return LESS;
        }
        if (isPreRelease(right)) {
            return GREATER;
        }
        return left.kind().compareTo(right.kind()) > 0 ? LESS : GREATER;
    }

    private static boolean isPreRelease(ApkTokenizer token) {
        return token.kind() == Kind.SUFFIX && token.suffix().compareTo(Suffix.NONE) < 0;
    }

    private static int compareTokens(ApkTokenizer left, ApkTokenizer right) {
        String a = left.value();
        String b = right.value();
        return switch (left.kind()) {
            case DIGIT -> a.startsWith("0") || b.startsWith("0") ? compareStrings(a, b) : compareNumbers(a, b);
            case INITIAL_DIGIT, SUFFIX_NO, REVISION_NO -> compareNumbers(a, b);
            case LETTER -> Integer.signum(a.charAt(0) - b.charAt(0));
            case SUFFIX -> Integer.signum(left.suffix().compareTo(right.suffix()));
            default -> compareStrings(a, b);
        };
    }

    private static int compareStrings(String a, String b) {
        return Integer.signum(a.compareTo(b));
    }

    private static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+", "");
        String y = b.replaceFirst("^0+", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : compareStrings(x, y);
    }
}
