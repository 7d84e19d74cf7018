package dev.bulwark.scanner.sbom;

import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.model.Package;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Evidence;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * An image's inventory as a CycloneDX 1.6 BOM: the image as the metadata component, each package a library
 * component with its purl. The SBOM writes it as it is; the vulnerability report adds its vulnerabilities.
 */
public final class CycloneDxInventory {

    private CycloneDxInventory() {
    }

    /**
     * The BOM of an image's inventory.
     *
     * @param image       the scanned image
     * @param createdAt   the BOM's timestamp
     * @param toolVersion the version of Bulwark writing it
     * @param kind        what the document is ({@code sbom}, {@code vulnerabilities}), so two kinds of document
     *                    about the same scan get different serial numbers
     */
    public static Bom of(ScannedImage image, Instant createdAt, String toolVersion, String kind) {
        Bom bom = new Bom();
        String seed = image.image().id() + createdAt + ("sbom".equals(kind) ? "" : kind);
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)));
        bom.setMetadata(metadata(image, createdAt, toolVersion));
        List<Component> components = new ArrayList<>();
        for (Package pkg : image.inventory().packages()) {
            components.add(component(pkg));
        }
        bom.setComponents(components);
        return bom;
    }

    /** The {@code bom-ref} of a package's component: its purl and where it was found, unique in the image. */
    public static String bomRef(Package pkg) {
        return pkg.purl() + "#" + pkg.path();
    }

    /** The BOM as CycloneDX 1.6 JSON. */
    public static String json(Bom bom, String imageName) {
        try {
            return BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString();
        } catch (Exception e) {
            throw new IllegalStateException("writing the CycloneDX document for " + imageName + ": " + e.getMessage(), e);
        }
    }

    private static Metadata metadata(ScannedImage image, Instant createdAt, String toolVersion) {
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(createdAt));
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName("bulwark");
        tool.setVersion(toolVersion);
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        Component subject = new Component();
        subject.setType(Component.Type.CONTAINER);
        subject.setName(image.image().name());
        subject.setBomRef(image.image().id());
        List<Property> properties = new ArrayList<>();
        image.inventory().os().ifPresent(os -> {
            properties.add(property("bulwark:os:id", os.id()));
            properties.add(property("bulwark:os:version", os.versionId()));
        });
        for (AnalyzerFailure failure : image.inventory().failures()) {
            properties.add(property("bulwark:not-analysed", failure.path() + ": " + failure.reason()));
        }
        subject.setProperties(properties);
        metadata.setComponent(subject);
        return metadata;
    }

    private static Component component(Package pkg) {
        Component component = new Component();
        component.setType(Component.Type.LIBRARY);
        component.setName(pkg.purl().name());
        if (!pkg.purl().namespace().isEmpty()) {
            component.setGroup(pkg.purl().namespace());
        }
        component.setVersion(pkg.version());
        component.setPurl(pkg.purl().toString());
        component.setBomRef(bomRef(pkg));
        List<Property> properties = new ArrayList<>();
        properties.add(property("bulwark:path", pkg.path()));
        properties.add(property("bulwark:layer", pkg.layer()));
        if (!pkg.sourceName().isEmpty()) {
            properties.add(property("bulwark:source:name", pkg.sourceName()));
            properties.add(property("bulwark:source:version", pkg.sourceVersion()));
        }
        if (CycloneDxIdentity.fromEvidence(pkg)) {
            properties.addAll(CycloneDxIdentity.properties(pkg.identification()));
            Evidence evidence = new Evidence();
            evidence.setIdentities(CycloneDxIdentity.identities(pkg));
            component.setEvidence(evidence);
        }
        component.setProperties(properties);
        return component;
    }

    /** A CycloneDX property. */
    public static Property property(String name, String value) {
        Property property = new Property();
        property.setName(name);
        property.setValue(value);
        return property;
    }
}
