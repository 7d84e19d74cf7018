package dev.bulwark.scanner.match;

/**
 * How a package is looked up in the advisory data: the OSV ecosystem, and the name and version that the
 * ecosystem's advisories use (for distro packages: the source package and its version).
 */
record Target(String ecosystem, String name, String version) {
}
