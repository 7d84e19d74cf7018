package dev.bulwark.policy.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The fallback for ecosystems without a scheme of their own: a version is cut into runs of digits and runs of
 * letters, anything else only separating them, and the runs compare in turn.
 *
 * <p>Digit runs compare as numbers ({@code 1.10 > 1.9}), letter runs alphabetically ignoring case, and a
 * digit run is newer than a letter run. Where one version ends and the other goes on, a letter run means a
 * pre-release and a digit run a later release: {@code 1.0rc1 < 1.0 < 1.0.1}. In short, at the first run where
 * two versions differ, letters &lt; end of version &lt; digits, which makes this a total order.
 */
public final class GenericVersionScheme implements VersionScheme {

    private static final String SCHEME = "generic";

    @Override
    public String name() {
        return SCHEME;
    }

    @Override
    public int compare(String a, String b) {
        List<String> left = runs(a);
        List<String> right = runs(b);
        for (int index = 0; index < Math.max(left.size(), right.size()); index++) {
            String x = index < left.size() ? left.get(index) : "";
            String y = index < right.size() ? right.get(index) : "";
            int byRun = compareRuns(x, y);
            if (byRun != 0) {
                return byRun;
            }
        }
        return 0;
    }

    /** Accepts any version with at least one letter or digit. */
    @Override
    public void validate(String version) {
        if (runs(version).isEmpty()) {
            throw new InvalidVersionException(SCHEME, version,
                    "it holds no letters or digits; write something like 1.2.3 or 2024.05-r1");
        }
    }

    // The empty run stands for the end of a version: letters < end < digits.
    private static int compareRuns(String x, String y) {
        int byKind = Integer.compare(rank(x), rank(y));
        if (byKind != 0) {
            return byKind;
        }
        if (rank(x) == 2) {
            String m = x.replaceFirst("^0+", "");
            String n = y.replaceFirst("^0+", "");
            return m.length() != n.length() ? Integer.compare(m.length(), n.length()) : Integer.signum(m.compareTo(n));
        }
        return Integer.signum(x.toLowerCase(Locale.ROOT).compareTo(y.toLowerCase(Locale.ROOT)));
    }

    private static int rank(String run) {
        if (run.isEmpty()) {
            return 1;
        }
        return isDigit(run.charAt(0)) ? 2 : 0;
    }

    private static List<String> runs(String version) {
        Objects.requireNonNull(version, "version");
        List<String> runs = new ArrayList<>();
        int index = 0;
        while (index < version.length()) {
            char c = version.charAt(index);
            if (!isDigit(c) && !Character.isLetter(c)) {
                index++;
                continue;
            }
            int start = index;
            boolean digits = isDigit(c);
            while (index < version.length()
                    && (digits ? isDigit(version.charAt(index)) : Character.isLetter(version.charAt(index)))) {
                index++;
            }
            runs.add(version.substring(start, index));
        }
        return runs;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
