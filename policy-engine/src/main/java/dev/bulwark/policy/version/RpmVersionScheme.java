package dev.bulwark.policy.version;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RPM package versions (Red Hat, Rocky Linux, AlmaLinux, SUSE), ordered as rpm orders them.
 *
 * <p>A version is {@code [epoch:]version[-release]}. Epochs compare as numbers, a missing epoch being 0; the
 * version and then the release compare with {@code rpmvercmp}: the strings are cut into runs of digits and
 * runs of ASCII letters, everything else separating them; digit runs compare as numbers and beat letter runs;
 * {@code ~} sorts before everything, even the end ({@code 1.0~rc1 < 1.0}); {@code ^} sorts after the end but
 * before anything else ({@code 1.0 < 1.0^git1 < 1.0.1}).
 *
 * <p>As in rpm's own {@code rpmverCmp}, a missing release sorts before every release, even an empty one or one
 * starting with {@code ~}: {@code 1.0 < 1.0-~rc < 1.0-1}. (rpm's dependency matching instead lets a missing
 * release match any release; that is a rule for ranges, and a comparator must be a total order.)
 */
public final class RpmVersionScheme implements VersionScheme {

    private static final String SCHEME = "rpm";
    private static final Pattern WELL_FORMED =
            Pattern.compile("(?:[0-9]+:)?[A-Za-z0-9._+~^]+(?:-[A-Za-z0-9._+~^]+)?");

    @Override
    public String name() {
        return SCHEME;
    }

    /** {@inheritDoc} Like rpm, this orders any string; only {@code null} is refused. */
    @Override
    public int compare(String a, String b) {
        Evr left = Evr.parse(a);
        Evr right = Evr.parse(b);
        int byEpoch = compareEpochs(left.epoch(), right.epoch());
        if (byEpoch != 0) {
            return byEpoch;
        }
        int byVersion = rpmvercmp(left.version(), right.version());
        return byVersion != 0 ? byVersion : compareReleases(left.release(), right.release());
    }

    /** Accepts {@code [digits:]version[-release]} made of letters, digits and {@code . _ + ~ ^}. */
    @Override
    public void validate(String version) {
        Objects.requireNonNull(version, "version");
        if (!WELL_FORMED.matcher(version).matches()) {
            throw new InvalidVersionException(SCHEME, version, "write it as [epoch:]version[-release] with letters,"
                    + " digits and . _ + ~ ^ only, as in 1:3.0.7-27.el9 or 2.38~rc1-1.fc40");
        }
    }

    /** rpm's {@code rpmvercmp} on one part (a version or a release); returns -1, 0 or 1. */
    static int rpmvercmp(String left, String right) {
        if (left.equals(right)) {
            return 0;
        }
        Chars a = new Chars(left);
        Chars b = new Chars(right);
        while (!a.atEnd() || !b.atEnd()) {
            a.skipSeparators();
            b.skipSeparators();
            int special = compareSpecial(a.current(), b.current());
            if (special == BOTH_SAME_SPECIAL) {
                a.next();
                b.next();
                continue;
            }
            if (special != NOT_SPECIAL) {
                return special;
            }
            if (a.atEnd() || b.atEnd()) {
                break;
            }
            int bySegment = compareSegments(a, b);
            if (bySegment != 0) {
                return bySegment;
            }
        }
        if (a.atEnd() && b.atEnd()) {
            return 0;
        }
        return a.atEnd() ? -1 : 1;
    }

    private static final int BOTH_SAME_SPECIAL = 0;
    private static final int NOT_SPECIAL = 2;

    // The tilde sorts before anything; the caret sorts after the end of a string but before anything else.
    private static int compareSpecial(char x, char y) {
        if (x == '~' || y == '~') {
            return x == y ? BOTH_SAME_SPECIAL : (x == '~' ? -1 : 1);
        }
        if (x == '^' || y == '^') {
            if (x == 0) {
                return -1;
            }
            if (y == 0) {
                return 1;
            }
            return x == y ? BOTH_SAME_SPECIAL : (x == '^' ? -1 : 1);
        }
        return NOT_SPECIAL;
    }

    // Takes a run of the kind that starts at a from both; a digit run is newer than a letter run.
    private static int compareSegments(Chars a, Chars b) {
        boolean numeric = isDigit(a.current());
        String x = a.takeRun(numeric);
        String y = b.takeRun(numeric);
        if (y.isEmpty()) {
            return numeric ? 1 : -1;
        }
        return numeric ? compareNumbers(x, y) : Integer.signum(x.compareTo(y));
    }

    private static int compareReleases(Optional<String> a, Optional<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isPresent(), b.isPresent());
        }
        return rpmvercmp(a.get(), b.get());
    }

    private static int compareEpochs(String a, String b) {
        return compareNumbers(a.isEmpty() ? "0" : a, b.isEmpty() ? "0" : b);
    }

    private static int compareNumbers(String a, String b) {
        String x = stripLeadingZeros(a);
        String y = stripLeadingZeros(b);
        if (x.length() != y.length()) {
            return x.length() > y.length() ? 1 : -1;
        }
        return Integer.signum(x.compareTo(y));
    }

    private static String stripLeadingZeros(String digits) {
        int start = 0;
        while (start < digits.length() && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }

    private static boolean isSeparator(char c) {
        return !isDigit(c) && !isLetter(c) && c != '~' && c != '^';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A read position in a version part; reads 0 past the end, as C reads the NUL. */
    private static final class Chars {

        private final String text;
        private int index;

        Chars(String text) {
            this.text = text;
        }

        char current() {
            return index < text.length() ? text.charAt(index) : 0;
        }

        boolean atEnd() {
            return index >= text.length();
        }

        void next() {
            index++;
        }

        void skipSeparators() {
            while (!atEnd() && isSeparator(current())) {
                index++;
            }
        }

        String takeRun(boolean digits) {
            int start = index;
            while (!atEnd() && (digits ? isDigit(current()) : isLetter(current()))) {
                index++;
            }
            return text.substring(start, index);
        }
    }

    /** An epoch-version-release triple; an absent epoch is empty. */
    private record Evr(String epoch, String version, Optional<String> release) {

        // As rpm's parseEVR: leading digits then ':' make the epoch; the last '-' starts the release.
        static Evr parse(String text) {
            Objects.requireNonNull(text, "version");
            int digits = 0;
            while (digits < text.length() && isDigit(text.charAt(digits))) {
                digits++;
            }
            boolean hasEpoch = digits < text.length() && text.charAt(digits) == ':';
            String epoch = hasEpoch ? text.substring(0, digits) : "";
            String rest = hasEpoch ? text.substring(digits + 1) : text;
            int hyphen = rest.lastIndexOf('-');
            return hyphen < 0
                    ? new Evr(epoch, rest, Optional.empty())
                    : new Evr(epoch, rest.substring(0, hyphen), Optional.of(rest.substring(hyphen + 1)));
        }
    }
}
