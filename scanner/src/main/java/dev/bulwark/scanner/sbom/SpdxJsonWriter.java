package dev.bulwark.scanner.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.image.Digests;
import dev.bulwark.scanner.model.Package;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** SPDX 2.3 JSON: the image as the described package, each package CONTAINED_BY it, with its purl as an external ref. */
final class SpdxJsonWriter implements SbomWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String toolVersion;

    SpdxJsonWriter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public String write(ScannedImage image, Instant createdAt) {
        ObjectNode document = JSON.createObjectNode();
        document.put("spdxVersion", "SPDX-2.3");
        document.put("dataLicense", "CC0-1.0");
        document.put("SPDXID", "SPDXRef-DOCUMENT");
        document.put("name", image.image().name());
        document.put("documentNamespace", "https://bulwark.dev/spdx/" + UUID.nameUUIDFromBytes(
                (image.image().id() + createdAt).getBytes(StandardCharsets.UTF_8)));
        ObjectNode creation = document.putObject("creationInfo");
        creation.put("created", createdAt.truncatedTo(ChronoUnit.SECONDS).toString());
        creation.putArray("creators").add("Tool: bulwark-" + toolVersion);
        ArrayNode packages = document.putArray("packages");
        ArrayNode relationships = document.putArray("relationships");
        ObjectNode subject = packages.addObject();
        subject.put("SPDXID", "SPDXRef-Image");
        subject.put("name", image.image().name());
        subject.put("downloadLocation", "NOASSERTION");
        subject.put("primaryPackagePurpose", "CONTAINER");
        relationship(relationships, "SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-Image");
        for (Package pkg : image.inventory().packages()) {
            String id = "SPDXRef-Package-" + Digests.sha256((pkg.purl() + "#" + pkg.path()).getBytes(StandardCharsets.UTF_8))
                    .substring("sha256:".length(), "sha256:".length() + 20);
            ObjectNode node = packages.addObject();
            node.put("SPDXID", id);
            node.put("name", pkg.name());
            node.put("versionInfo", pkg.version());
            node.put("downloadLocation", "NOASSERTION");
            node.put("filesAnalyzed", false);
            node.put("sourceInfo", "found in " + pkg.path() + " (layer " + pkg.layer() + ")");
            ObjectNode ref = node.putArray("externalRefs").addObject();
            ref.put("referenceCategory", "PACKAGE-MANAGER");
            ref.put("referenceType", "purl");
            ref.put("referenceLocator", pkg.purl().toString());
            relationship(relationships, "SPDXRef-Image", "CONTAINS", id);
        }
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing the SPDX document for " + image.image().name(), e);
        }
    }

    private static void relationship(ArrayNode relationships, String from, String type, String to) {
        ObjectNode relationship = relationships.addObject();
        relationship.put("spdxElementId", from);
        relationship.put("relationshipType", type);
        relationship.put("relatedSpdxElement", to);
    }
}
