package dev.bulwark.scanner.model;

/** Where the evidence for a package's identity comes from. */
public enum EvidenceSource {
    /** {@code META-INF/maven/…/pom.properties}, written by Maven when it built the archive. */
    POM_PROPERTIES("pom.properties"),
    /** The archive's file name, when it has Maven's {@code artifactId-version.jar} shape. */
    FILE_NAME("file name"),
    IMPLEMENTATION_TITLE("manifest Implementation-Title"),
    IMPLEMENTATION_VERSION("manifest Implementation-Version"),
    IMPLEMENTATION_VENDOR_ID("manifest Implementation-Vendor-Id"),
    BUNDLE_SYMBOLIC_NAME("manifest Bundle-SymbolicName"),
    BUNDLE_VERSION("manifest Bundle-Version"),
    AUTOMATIC_MODULE_NAME("manifest Automatic-Module-Name"),
    /** The Java packages of the archive's classes, read from its entry names. */
    CLASS_PACKAGES("class packages"),
    /** The vulnerability database knows the artifactId under this group, and under no other that fits. */
    VULNERABILITY_DATABASE("vulnerability database");

    private final String label;

    EvidenceSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
