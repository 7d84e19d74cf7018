package dev.bulwark.policy.version;

import dev.bulwark.policy.text.Numbers;
import java.util.Objects;

/**
 * A Debian version split the way dpkg splits it: {@code [epoch:]upstream[-revision]}, the revision being
 * everything after the last hyphen.
 *
 * <p>{@link #parse} refuses exactly what {@code dpkg --compare-versions} refuses (an empty version, embedded
 * blanks, a bad epoch, an empty upstream part or revision). {@link #policyProblem} names what dpkg only warns
 * about: an upstream part that does not start with a digit, or characters Debian policy does not allow.
 */
record DpkgVersion(int epoch, String upstream, String revision) {

    static final String SCHEME = "dpkg";
    private static final String SHAPE = "write it as [epoch:]upstream[-revision], as in 1:2.36.1-8+deb12u1";

    DpkgVersion {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(revision, "revision");
    }

    static DpkgVersion parse(String text) {
        Objects.requireNonNull(text, "version");
        String trimmed = stripBlanks(text);
        if (trimmed.isEmpty()) {
            throw invalid(text, "it is empty; " + SHAPE);
        }
        if (trimmed.indexOf(' ') >= 0 || trimmed.indexOf('\t') >= 0) {
            throw invalid(text, "it has embedded blanks; " + SHAPE);
        }
        int colon = trimmed.indexOf(':');
        int epoch = colon < 0 ? 0 : parseEpoch(text, trimmed.substring(0, colon));
        String rest = colon < 0 ? trimmed : trimmed.substring(colon + 1);
        if (colon >= 0 && rest.isEmpty()) {
            throw invalid(text, "nothing follows the epoch's colon; " + SHAPE);
        }
        int hyphen = rest.lastIndexOf('-');
        String upstream = hyphen < 0 ? rest : rest.substring(0, hyphen);
        String revision = hyphen < 0 ? "" : rest.substring(hyphen + 1);
        if (hyphen >= 0 && revision.isEmpty()) {
            throw invalid(text, "the revision after the last '-' is empty; drop the '-' or " + SHAPE);
        }
        if (upstream.isEmpty()) {
            throw invalid(text, "the upstream version is empty; " + SHAPE);
        }
        return new DpkgVersion(epoch, upstream, revision);
    }

    /** What Debian policy objects to in this version (dpkg warns but still compares), or {@code null}. */
    String policyProblem() {
        if (!isDigit(upstream.charAt(0))) {
            return "the upstream version must start with a digit";
        }
        for (char c : upstream.toCharArray()) {
            if (!isAsciiAlphanumeric(c) && ".+~-:".indexOf(c) < 0) {
                return "the upstream version may hold only letters, digits and . + ~ - : but has '" + c + "'";
            }
        }
        for (char c : revision.toCharArray()) {
            if (!isAsciiAlphanumeric(c) && ".+~".indexOf(c) < 0) {
                return "the revision may hold only letters, digits and . + ~ but has '" + c + "'";
            }
        }
        return null;
    }

    static InvalidVersionException invalid(String text, String problem) {
        return new InvalidVersionException(SCHEME, text, problem);
    }

    // dpkg reads the epoch with strtol: an optional sign, then decimal digits, up to INT_MAX.
    private static int parseEpoch(String text, String epoch) {
        String digits = epoch.startsWith("+") || epoch.startsWith("-") ? epoch.substring(1) : epoch;
        if (epoch.isEmpty()) {
            throw invalid(text, "the epoch before ':' is empty; " + SHAPE);
        }
        if (digits.isEmpty() || !digits.chars().allMatch(DpkgVersion::isDigit)) {
            throw invalid(text, "the epoch '" + epoch + "' before ':' is not a number; " + SHAPE);
        }
        String significant = digits.replaceFirst("^0+", "");
        if (epoch.startsWith("-") && !significant.isEmpty()) {
            throw invalid(text, "the epoch is negative; use an epoch of 0 or more");
        }
        if (significant.length() > 10 || Numbers.parseLong("0" + significant, "the epoch") > Integer.MAX_VALUE) {
            throw invalid(text, "the epoch is larger than " + Integer.MAX_VALUE);
        }
        return Numbers.parseInt("0" + significant, "the epoch");
    }

    private static String stripBlanks(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiAlphanumeric(int c) {
        return isDigit(c) || isAsciiLetter(c);
    }
}
