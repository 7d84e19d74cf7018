package dev.bulwark.policy.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Python package version as PEP 440 defines it: {@code [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]}.
 *
 * <p>{@link #parse} accepts every spelling PEP 440 allows and normalises it: case, a leading {@code v},
 * {@code alpha}/{@code beta}/{@code c}/{@code pre}/{@code preview}, {@code rev}/{@code r}, {@code -N} post
 * releases, implicit numbers, separators and leading zeros. {@link #toString()} gives the normal form.
 *
 * @param epoch      the epoch, 0 when absent
 * @param release    the release numbers, at least one
 * @param preLabel   {@code a}, {@code b} or {@code rc}, or {@code null} for no pre-release
 * @param preNumber  the pre-release number, or {@code null}
 * @param post       the post-release number, or {@code null}
 * @param dev        the development-release number, or {@code null}
 * @param local      the local version segments, lower case and numbers without leading zeros, empty when absent
 */
record Pep440Version(BigInteger epoch, List<BigInteger> release, String preLabel, BigInteger preNumber,
                     BigInteger post, BigInteger dev, List<String> local) {

    static final String SCHEME = "PEP 440";

    // The pattern PEP 440 gives in its appendix "Parsing version strings with regular expressions".
    private static final Pattern VERSION = Pattern.compile(
            "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
            + "(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
            + "(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?"
            + "(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?"
            + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
            Pattern.CASE_INSENSITIVE);

    Pep440Version {
        Objects.requireNonNull(epoch, "epoch");
        release = List.copyOf(release);
        local = List.copyOf(local);
        if (release.isEmpty()) {
            throw new IllegalArgumentException("a PEP 440 release has at least one number");
        }
        if ((preLabel == null) != (preNumber == null)) {
            throw new IllegalArgumentException("a pre-release needs both a label and a number");
        }
    }

    /**
     * Reads a version in any spelling PEP 440 allows.
     *
     * @throws InvalidVersionException showing the PEP 440 shape
     */
    static Pep440Version parse(String text) {
        Objects.requireNonNull(text, "version");
        Matcher m = VERSION.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidVersionException(SCHEME, text, "write it as [N!]N(.N)*[{a|b|rc}N][.postN][.devN]"
                    + "[+local], as in 2.31.0, 1.0rc1, 1!2.0.post1.dev3 or 1.0+ubuntu.1");
        }
        List<BigInteger> release = new ArrayList<>();
        for (String number : m.group("release").split("\\.")) {
            release.add(new BigInteger(number));
        }
        return new Pep440Version(
                m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch")),
                release,
                m.group("pre") == null ? null : preLabel(m.group("preL")),
                m.group("pre") == null ? null : numberOrZero(m.group("preN")),
                m.group("post") == null ? null : numberOrZero(firstNonNull(m.group("postN1"), m.group("postN2"))),
                m.group("dev") == null ? null : numberOrZero(m.group("devN")),
                localSegments(m.group("local")));
    }

    /** The normal form, such as {@code 1!2.0rc1.post2.dev3+ubuntu.1}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (epoch.signum() != 0) {
            out.append(epoch).append('!');
        }
        out.append(String.join(".", release.stream().map(BigInteger::toString).toList()));
        if (preLabel != null) {
            out.append(preLabel).append(preNumber);
        }
        if (post != null) {
            out.append(".post").append(post);
        }
        if (dev != null) {
            out.append(".dev").append(dev);
        }
        if (!local.isEmpty()) {
            out.append('+').append(String.join(".", local));
        }
        return out.toString();
    }

    // Lower case, and numbers without leading zeros, as packaging prints them: "Ubuntu-01" gives [ubuntu, 1].
    private static List<String> localSegments(String local) {
        if (local == null) {
            return List.of();
        }
        return Stream.of(local.toLowerCase(Locale.ROOT).split("[-_.]"))
                .map(segment -> SemverPrecedence.isNumeric(segment) ? new BigInteger(segment).toString() : segment)
                .toList();
    }

    private static String preLabel(String spelled) {
        return switch (spelled.toLowerCase(Locale.ROOT)) {
            case "alpha", "a" -> "a";
            case "beta", "b" -> "b";
            default -> "rc"; // c, pre, preview and rc all mean a release candidate
        };
    }

    private static BigInteger numberOrZero(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
