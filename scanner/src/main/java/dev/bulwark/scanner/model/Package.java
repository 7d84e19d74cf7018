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
 */
public record Package(Ecosystem ecosystem, String name, String version, Purl purl, String sourceName, String sourceVersion,
                      String layer, String path) {

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
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a package needs a " + what);
        }
    }

    /** The same package, attributed to a layer. */
    public Package inLayer(String diffId) {
        return new Package(ecosystem, name, version, purl, sourceName, sourceVersion, diffId, path);
    }

    /** The package as the policy engine judges it. */
    public InstalledPackage installed() {
        return new InstalledPackage(purl, path);
    }
}
