package dev.bulwark.policy.version;

import dev.bulwark.policy.text.Memo;
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

    /** Versions read before: matching compares the same few versions with every advisory of a package. */
    private static final Memo<DpkgVersion> READ = new Memo<>(100_000, DpkgVersion::parse);

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
        DpkgVersion left = READ.of(a);
        DpkgVersion right = READ.of(b);
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
        Bytes a = new Bytes(left);
        Bytes b = new Bytes(right);
        while (!a.atEnd() || !b.atEnd()) {
            int byText = compareNonDigits(a, b);
            if (byText != 0) {
                return byText;
            }
            int byNumber = compareDigits(a, b);
            if (byNumber != 0) {
                return byNumber;
            }
        }
        return 0;
    }

    private static int compareNonDigits(Bytes a, Bytes b) {
        while ((!a.atEnd() && !a.atDigit()) || (!b.atEnd() && !b.atDigit())) {
            int difference = order(a.current()) - order(b.current());
            if (difference != 0) {
                return difference;
            }
            a.next();
            b.next();
        }
        return 0;
    }

    // Leading zeros do not count; then the longer digit run wins, else the first differing digit.
    private static int compareDigits(Bytes a, Bytes b) {
        a.skipZeros();
        b.skipZeros();
        int firstDifference = 0;
        while (a.atDigit() && b.atDigit()) {
            if (firstDifference == 0) {
                firstDifference = a.current() - b.current();
            }
            a.next();
            b.next();
        }
        if (a.atDigit()) {
            return 1;
        }
        return b.atDigit() ? -1 : firstDifference;
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

    /** A read position in the UTF-8 bytes of a version part; reads 0 past the end, as C reads the NUL. */
    private static final class Bytes {

        private final byte[] text;
        private int index;

        Bytes(String text) {
            this.text = text.getBytes(StandardCharsets.UTF_8);
        }

        int current() {
            return index < text.length ? text[index] : 0;
        }

        boolean atEnd() {
            return index >= text.length;
        }

        boolean atDigit() {
            return DpkgVersion.isDigit(current());
        }

        void next() {
            index++;
        }

        void skipZeros() {
            while (current() == '0') {
                index++;
            }
        }
    }
}
