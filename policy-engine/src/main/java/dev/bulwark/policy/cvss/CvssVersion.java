package dev.bulwark.policy.cvss;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The CVSS versions Bulwark parses and scores, each identified by the prefix of its vector strings. */
public enum CvssVersion {
    V3_0("3.0"), V3_1("3.1"), V4_0("4.0");

    private final String number;

    CvssVersion(String number) {
        this.number = number;
    }

    /** The version number as FIRST writes it, such as {@code 3.1}. */
    public String number() {
        return number;
    }

    /** The vector-string prefix of this version, such as {@code CVSS:3.1}. */
    public String prefix() {
        return "CVSS:" + number;
    }

    /** Whether this is one of the CVSS v3 versions, which share metrics and formulas. */
    public boolean isV3() {
        return this != V4_0;
    }

    /** The version whose prefix is exactly {@code prefix} ({@code CVSS:3.0}, {@code CVSS:3.1} or {@code CVSS:4.0}). */
    public static Optional<CvssVersion> ofPrefix(String prefix) {
        return Arrays.stream(values()).filter(v -> v.prefix().equals(prefix)).findFirst();
    }

    /** The accepted prefixes, for error messages: {@code CVSS:3.0, CVSS:3.1, CVSS:4.0}. */
    static String acceptedPrefixes() {
        return Arrays.stream(values()).map(CvssVersion::prefix).collect(Collectors.joining(", "));
    }
}
