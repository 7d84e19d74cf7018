package dev.bulwark.policy.version;

import java.util.List;

/**
 * Semantic Versioning 2.0.0 precedence for the parts both Go and npm share: numbers of any size, and
 * pre-release identifiers, where numeric identifiers compare as numbers and sort before alphanumeric ones,
 * alphanumeric ones compare by ASCII code, and a version without a pre-release is newer than any with one.
 */
final class SemverPrecedence {

    private SemverPrecedence() {
    }

    /** Compares two strings of decimal digits as numbers, whatever their length. */
    static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        if (x.length() != y.length()) {
            return Integer.compare(x.length(), y.length());
        }
        return Integer.signum(x.compareTo(y));
    }

    /** Compares two pre-release identifier lists; an empty list means a release. */
    static int comparePreReleases(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int index = 0; index < Math.min(a.size(), b.size()); index++) {
            int byIdentifier = compareIdentifiers(a.get(index), b.get(index));
            if (byIdentifier != 0) {
                return byIdentifier;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareIdentifiers(String a, String b) {
        boolean numericA = isNumeric(a);
        boolean numericB = isNumeric(b);
        if (numericA && numericB) {
            return compareNumbers(a, b);
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }

    static boolean isNumeric(String identifier) {
        return !identifier.isEmpty() && identifier.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
