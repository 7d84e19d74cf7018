package dev.bulwark.scanner.analyzer.rpm;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.scanner.model.Package;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The identity of one installed rpm, from its header.
 *
 * @param name      the package name
 * @param epoch     the epoch, if the package has one
 * @param version   the upstream version
 * @param release   the distribution's release
 * @param arch      the architecture ({@code x86_64}, {@code noarch}), or empty
 * @param sourceRpm the file name of the source rpm it was built from, or empty
 */
record InstalledRpm(String name, Optional<Integer> epoch, String version, String release, String arch, String sourceRpm) {

    /** Public keys that {@code rpm --import} keeps in the database as packages; they are not software. */
    static final String PUBLIC_KEY = "gpg-pubkey";

    /**
     * Reads the package's identity from its header.
     *
     * @throws RpmDatabaseException if the header lacks a name, version or release
     */
    static InstalledRpm from(RpmHeader header) {
        return new InstalledRpm(required(header, RpmHeader.NAME, "NAME"), header.int32(RpmHeader.EPOCH),
                required(header, RpmHeader.VERSION, "VERSION"), required(header, RpmHeader.RELEASE, "RELEASE"),
                header.string(RpmHeader.ARCH).orElse(""), header.string(RpmHeader.SOURCERPM).orElse(""));
    }

    private static String required(RpmHeader header, int tag, String tagName) {
        return header.string(tag).filter(value -> !value.isBlank())
                .orElseThrow(() -> new RpmDatabaseException("its header has no " + tagName + " (" + tag + ") tag"));
    }

    boolean isPublicKey() {
        return name.equals(PUBLIC_KEY);
    }

    /**
     * The package as Bulwark inventories it: version {@code [epoch:]version-release} (an epoch of 0 is the same as
     * none and is left out), the source package and version from the source rpm's name (with the package's epoch,
     * which rpm gives every package built from one spec), and a purl without namespace, which the inventory fills in
     * from the OS release.
     */
    Package toPackage(String path) {
        String epochPrefix = epoch.filter(value -> value != 0).map(value -> value + ":").orElse("");
        TreeMap<String, String> qualifiers = new TreeMap<>();
        if (!arch.isEmpty()) {
            qualifiers.put("arch", arch);
        }
        epoch.filter(value -> value != 0).ifPresent(value -> qualifiers.put("epoch", Integer.toString(value)));
        Purl purl = new Purl(Ecosystem.RPM.purlType(), "", name, version + "-" + release, qualifiers, "");
        SourceRpm source = SourceRpm.parse(sourceRpm).orElse(new SourceRpm(name, version + "-" + release));
        return new Package(Ecosystem.RPM, name, epochPrefix + version + "-" + release, purl, source.name(),
                epochPrefix + source.version(), "", path);
    }
}
