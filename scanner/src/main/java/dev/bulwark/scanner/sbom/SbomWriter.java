package dev.bulwark.scanner.sbom;

import dev.bulwark.scanner.ScannedImage;
import java.time.Instant;

/** Writes a scanned image's inventory in one SBOM format. */
public interface SbomWriter {

    /**
     * The document, as text.
     *
     * @param image     the scanned image
     * @param createdAt the document's creation time (injected, so output is reproducible in tests)
     */
    String write(ScannedImage image, Instant createdAt);

    /** The writer for a format. */
    static SbomWriter of(SbomFormat format, String toolVersion) {
        return switch (format) {
            case TABLE -> new TableSbomWriter();
            case CYCLONEDX -> new CycloneDxWriter(toolVersion);
            case SPDX_JSON -> new SpdxJsonWriter(toolVersion);
        };
    }
}
