package dev.bulwark.policy.version;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.semver4j.Semver;
import org.semver4j.SemverException;

/**
 * Reads npm versions the way node-semver does in its loose mode, which is how npm reads package metadata:
 * surrounding blanks and any leading {@code v}, {@code =} or blanks are dropped ({@code " = v1.2.3"}), the
 * hyphen before a pre-release may be missing ({@code 1.2.3beta}) and numbers may have leading zeros.
 * The cleaned text is then parsed by semver4j.
 */
final class LooseSemver {

    static final String SCHEME = "npm";
    static final String SHAPE = "write it as MAJOR.MINOR.PATCH with optional -prerelease and +build parts,"
            + " as in 1.2.3, v2.0.0-rc.1 or 1.0.0+build.5";
    private static final int MAX_LENGTH = 256;
    static final String IDENTIFIERS = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
    private static final Pattern VERSION = Pattern.compile(
            "[v=\\s]*([0-9]+)\\.([0-9]+)\\.([0-9]+)(?:-?(" + IDENTIFIERS + "))?(?:\\+(" + IDENTIFIERS + "))?");

    private LooseSemver() {
    }

    /**
     * Parses a loose npm version.
     *
     * @throws InvalidVersionException if node-semver would refuse it, or if a number exceeds semver4j's limit of
     *     2147483647 (node-semver allows up to 2^53 - 1)
     */
    static Semver parse(String text) {
        Objects.requireNonNull(text, "version");
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidVersionException(SCHEME, text, "it is longer than " + MAX_LENGTH + " characters");
        }
        Matcher m = VERSION.matcher(trimmed);
        if (!m.matches()) {
            throw new InvalidVersionException(SCHEME, text, SHAPE);
        }
        return toSemver(text, core(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)));
    }

    /** Canonical text for a version: numbers without leading zeros, numeric pre-release identifiers too. */
    static String core(String major, String minor, String patch, String preRelease, String build) {
        StringBuilder out = new StringBuilder()
                .append(number(major)).append('.').append(number(minor)).append('.').append(number(patch));
        if (preRelease != null) {
            out.append('-');
            String[] identifiers = preRelease.split("\\.");
            for (int index = 0; index < identifiers.length; index++) {
                String identifier = identifiers[index];
                out.append(index == 0 ? "" : ".")
                        .append(SemverPrecedence.isNumeric(identifier) ? number(identifier) : identifier);
            }
        }
        if (build != null) {
            out.append('+').append(build);
        }
        return out.toString();
    }

    static Semver toSemver(String original, String canonical) {
        try {
            return new Semver(canonical);
        } catch (SemverException e) {
            throw new InvalidVersionException(SCHEME, original, "a number in it is too large (" + e.getMessage()
                    + "); " + SHAPE);
        }
    }

    private static String number(String digits) {
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        return digits.substring(first);
    }
}
