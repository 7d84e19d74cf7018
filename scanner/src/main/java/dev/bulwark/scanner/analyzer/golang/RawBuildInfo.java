package dev.bulwark.scanner.analyzer.golang;

/**
 * The two strings a Go linker embeds in a binary, undecoded.
 *
 * @param goVersion  the toolchain version, such as {@code go1.19.8}
 * @param moduleInfo the module info text without its sentinels, or empty when the binary was built without modules
 */
record RawBuildInfo(String goVersion, String moduleInfo) {
}
