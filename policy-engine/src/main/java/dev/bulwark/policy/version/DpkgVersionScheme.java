package dev.bulwark.policy.version;

import java.nio.charset.StandardCharsets;

/**
 * Debian and Ubuntu package versions, ordered exactly as {@code dpkg --compare-versions} orders them.
 *
 * <p>A version is {@code [epoch:]upstream[-revision]}. Epochs compare as numbers; the upstream parts and then
 * the revisions compare with dpkg's {@code verrevcmp}: runs of non-digits compare character by character,
 * where {@code ~} sorts before everything (even the end of the string), letters sort before all other
 * characters, and runs of digits compare as numbers. So {@code 1.0~rc1 < 1.0 < 1.0+b1 < 1.0.1}.
 */
public final class DpkgVersionScheme implements VersionScheme {

    @Override
    public String name() {
        return DpkgVersion.SCHEME;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Like dpkg, this orders versions that Debian policy frowns on (say, one starting with a letter); it
     * refuses only what dpkg refuses outright.
     */
    @Override
    public int compare(String a, String b) {
        DpkgVersion left = DpkgVersion.parse(a);
        DpkgVersion right = DpkgVersion.parse(b);
        int byEpoch = Integer.compare(left.epoch(), right.epoch());
        if (byEpoch != 0) {
            return byEpoch;
        }
        int byUpstream = verrevcmp(left.upstream(), right.upstream());
        return byUpstream != 0 ? byUpstream : verrevcmp(left.revision(), right.revision());
    }

    /** Accepts what dpkg parses without a warning: the upstream part starts with a digit, allowed characters only. */
    @Override
    public void validate(String version) {
        String problem = DpkgVersion.parse(version).policyProblem();
        if (problem != null) {
            throw DpkgVersion.invalid(version, problem + "; write it as [epoch:]upstream[-revision], as in 2.36-9");
        }
    }

    // dpkg works on C chars; a NUL stands in for the end of the string, which sorts like a digit run of zero.
    private static int verrevcmp(String left, String right) {
        byte[] a = left.getBytes(StandardCharsets.UTF_8);
        byte[] b = right.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            while ((i < a.length && !isDigitAt(a, i)) || (j < b.length && !isDigitAt(b, j))) {
                int difference = order(at(a, i)) - order(at(b, j));
                if (difference != 0) {
                    return difference;
                }
                i++;
                j++;
            }
            while (at(a, i) == '0') {
                i++;
            }
            while (at(b, j) == '0') {
                j++;
            }
            int firstDifference = 0;
            while (isDigitAt(a, i) && isDigitAt(b, j)) {
                if (firstDifference == 0) {
                    firstDifference = a[i] - b[j];
                }
                i++;
                j++;
            }
            if (isDigitAt(a, i)) {
                return 1;
            }
            if (isDigitAt(b, j)) {
                return -1;
            }
            if (firstDifference != 0) {
                return firstDifference;
            }
        }
        return 0;
    }

    // The weight of one character: digits and the end 0, letters their code, '~' -1, anything else code + 256.
    // Bytes above 0x7f weigh as the signed chars they are on amd64, which is where dpkg's order is defined here.
    private static int order(int c) {
        if (DpkgVersion.isDigit(c) || c == 0) {
            return 0;
        }
        if (DpkgVersion.isAsciiLetter(c)) {
            return c;
        }
        return c == '~' ? -1 : c + 256;
    }

    private static int at(byte[] text, int index) {
        return index < text.length ? text[index] : 0;
    }

    private static boolean isDigitAt(byte[] text, int index) {
        return index < text.length && DpkgVersion.isDigit(text[index]);
    }
}
