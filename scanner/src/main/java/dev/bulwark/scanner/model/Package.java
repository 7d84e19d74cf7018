package dev.bulwark.scanner.model;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.InstalledPackage;
import dev.bulwark.policy.pkg.Purl;
import java.util.Comparator;
import java.util.Objects;

/**
 * A package found in an image.
 *
 * @param ecosystem     where it comes from ({@link Ecosystem#OTHER} only for a type known from another scanner's report)
 * @param name          its name as its ecosystem writes it ({@code org.apache.logging.log4j:log4j-core} for Maven)
 * @param version       the installed version
 * @param purl          its package URL
 * @param sourceName    the source package (dpkg Source, apk origin, rpm source), or empty
 * @param sourceVersion the source package's version, or empty
 * @param layer         the diffID of the layer it came from, or empty when not known yet
 * @param path          the file it was found in, inside the image ({@code app.war!/WEB-INF/lib/x.jar} for nested archives)
 * @param identification how its name and version were established ({@link Identification#RECORDED} for a package
 *                       manager's record)
 */
public record Package(Ecosystem ecosystem, String name, String version, Purl purl, String sourceName, String sourceVersion,
                      String layer, String path, Identification identification) {

    /** Inventory order: by ecosystem, name, version, path. */
    public static final Comparator<Package> ORDER = Comparator.comparing((Package pkg) -> pkg.ecosystem().purlType()).thenComparing(Package::name)
            .thenComparing(Package::version).thenComparing(Package::path);

    public Package {
        Objects.requireNonNull(ecosystem, "ecosystem");
        requireText(name, "name");
        version = Objects.requireNonNullElse(version, "");
        Objects.requireNonNull(purl, "purl");
        sourceName = Objects.requireNonNullElse(sourceName, "");
        sourceVersion = Objects.requireNonNullElse(sourceVersion, "");
        layer = Objects.requireNonNullElse(layer, "");
        path = Objects.requireNonNullElse(path, "");
        identification = Objects.requireNonNullElse(identification, Identification.RECORDED);
    }

    /** A package as its package manager recorded it. */
    public Package(Ecosystem ecosystem, String name, String version, Purl purl, String sourceName, String sourceVersion,
                   String layer, String path) {
        this(ecosystem, name, version, purl, sourceName, sourceVersion, layer, path, Identification.RECORDED);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a package needs a " + what);
        }
    }

    /** The same package, attributed to a layer. */
    public Package inLayer(String diffId) {
        return new Package(ecosystem, name, version, purl, sourceName, sourceVersion, diffId, path, identification);
    }

    /** The same package under another name and purl, identified by other evidence. */
    public Package renamed(String newName, Purl newPurl, Identification newIdentification) {
        return new Package(ecosystem, newName, version, newPurl, sourceName, sourceVersion, layer, path, newIdentification);
    }

    /** The package as the policy engine judges it. */
    public InstalledPackage installed() {
        return new InstalledPackage(purl, path);
    }
}
