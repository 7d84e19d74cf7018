package dev.bulwark.scanner.sbom;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The SBOM formats {@code bulwark sbom} writes. */
public enum SbomFormat {
    TABLE("table"), CYCLONEDX("cyclonedx"), SPDX_JSON("spdx-json");

    private final String word;

    SbomFormat(String word) {
        this.word = word;
    }

    public static SbomFormat parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.word.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an SBOM format: use one of "
                        + Arrays.stream(values()).map(SbomFormat::toString).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return word;
    }
}
