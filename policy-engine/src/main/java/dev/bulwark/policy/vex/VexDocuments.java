package dev.bulwark.policy.vex;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads VEX documents: OpenVEX (v0.0.x and v0.2.0) and CycloneDX VEX (JSON, spec 1.4 to 1.6), told apart by
 * their content, not their file name.
 *
 * <p>A statement's products are the packages it is about; an empty list means every package of the image the
 * document is applied to. That is how statements about the image itself read (an OCI purl, an image reference,
 * a container component), since the image is not a package; each reader's Javadoc gives its rules. Statements
 * come back in document order, without resolving statements that contradict each other: that is the caller's
 * policy.
 *
 * <pre>{@code
 * List<VexStatement> statements = VexDocuments.read(Path.of("bulwark.openvex.json"));
 * }</pre>
 */
public final class VexDocuments {

    /** Every format Bulwark reads. A new format is one reader and one line here. */
    static final List<VexReader> READERS = List.of(new OpenVexReader(), new CycloneDxVexReader());

    // Duplicate keys would make a statement ambiguous ("status" twice), so they are an error, not "last wins".
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private VexDocuments() {
    }

    /**
     * Reads the statements of a VEX document.
     *
     * @param file an OpenVEX or CycloneDX VEX JSON document
     * @return its statements, in document order; a statement about a vulnerability with aliases appears once
     *         per ID, so that a finding known by any of them is matched
     * @throws VexFormatException if the file cannot be read, is not JSON, is of no format listed above, or
     *                            breaks its format's rules; the message names the file, the statement and the fix
     */
    public static List<VexStatement> read(Path file) {
        VexFile document = new VexFile(file, parse(file));
        return READERS.stream()
                .filter(reader -> reader.accepts(document))
                .findFirst()
                .orElseThrow(() -> unknownFormat(file))
                .read(document);
    }

    private static JsonNode parse(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String place = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new VexFormatException(file, "", "is not JSON" + place + " (" + e.getOriginalMessage()
                    + "); a VEX document must be an OpenVEX or CycloneDX VEX JSON file", e);
        } catch (IOException e) {
            throw new VexFormatException(file, "", "cannot be read (" + e + "); check the path and its permissions", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new VexFormatException(file, "", "is empty; a VEX document must be an OpenVEX or CycloneDX VEX JSON file");
        }
        return root;
    }

    private static VexFormatException unknownFormat(Path file) {
        String expected = READERS.stream().map(VexReader::expectation).collect(Collectors.joining(", or "));
        return new VexFormatException(file, "", "is not a VEX document Bulwark reads: expected " + expected);
    }
}
