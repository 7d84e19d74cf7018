package dev.bulwark.scanner.sbom;

import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.inventory.AnalyzerFailure;
import dev.bulwark.scanner.inventory.Package;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import org.cyclonedx.Version;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

/** CycloneDX 1.6 JSON: the image as the metadata component, each package a library component with its purl. */
final class CycloneDxWriter implements SbomWriter {

    private final String toolVersion;

    CycloneDxWriter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public String write(ScannedImage image, Instant createdAt) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes((image.image().id() + createdAt).getBytes(StandardCharsets.UTF_8)));
        bom.setMetadata(metadata(image, createdAt));
        List<Component> components = new ArrayList<>();
        for (Package pkg : image.inventory().packages()) {
            components.add(component(pkg));
        }
        bom.setComponents(components);
        try {
            return BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString();
        } catch (Exception e) {
            throw new IllegalStateException("writing the CycloneDX document for " + image.image().name() + ": " + e.getMessage(), e);
        }
    }

    private Metadata metadata(ScannedImage image, Instant createdAt) {
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
        component.setBomRef(pkg.purl() + "#" + pkg.path());
        List<Property> properties = new ArrayList<>();
        properties.add(property("bulwark:path", pkg.path()));
        properties.add(property("bulwark:layer", pkg.layer()));
        if (!pkg.sourceName().isEmpty()) {
            properties.add(property("bulwark:source:name", pkg.sourceName()));
            properties.add(property("bulwark:source:version", pkg.sourceVersion()));
        }
        component.setProperties(properties);
        return component;
    }

    private static Property property(String name, String value) {
        Property property = new Property();
        property.setName(name);
        property.setValue(value);
        return property;
    }
}
