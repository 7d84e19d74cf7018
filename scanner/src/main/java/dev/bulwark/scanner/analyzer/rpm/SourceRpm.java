package dev.bulwark.scanner.analyzer.rpm;

import java.util.Optional;

/**
 * The source package a binary rpm was built from, named by its file name ({@code openssl-3.0.7-27.el9.src.rpm}).
 *
 * @param name    the source package name ({@code openssl})
 * @param version its version and release ({@code 3.0.7-27.el9})
 */
record SourceRpm(String name, String version) {

    /** Splits a source rpm file name, {@code NAME-VERSION-RELEASE.ARCH.rpm}; empty if it is not one. */
    static Optional<SourceRpm> parse(String fileName) {
        if (!fileName.endsWith(".rpm")) {
            return Optional.empty();
        }
        String withArch = fileName.substring(0, fileName.length() - ".rpm".length());
        int archDot = withArch.lastIndexOf('.');
        if (archDot < 0) {
            return Optional.empty();
        }
        String nvr = withArch.substring(0, archDot);
        int releaseDash = nvr.lastIndexOf('-');
        int versionDash = releaseDash < 0 ? -1 : nvr.lastIndexOf('-', releaseDash - 1);
        if (versionDash <= 0 || releaseDash == versionDash + 1 || releaseDash == nvr.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new SourceRpm(nvr.substring(0, versionDash), nvr.substring(versionDash + 1)));
    }
}
