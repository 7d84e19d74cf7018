package dev.bulwark.scanner.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Looking many packages up at once gives each what looking it up alone gives. */
class VulnDbLookupTest {

    @TempDir
    Path temp;

    private static final Instant MODIFIED = Instant.parse("2026-01-01T00:00:00Z");

    private static OsvRecord advisory(String id, String ecosystem, String name) {
        OsvRecord.Range range = new OsvRecord.Range("ECOSYSTEM", List.of(new OsvRecord.Event("introduced", "0"),
                new OsvRecord.Event("fixed", "2.0")));
        return new OsvRecord(id, MODIFIED, Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), "summary of " + id,
                List.of(), Optional.empty(), List.of(), List.of(new OsvRecord.Affected(ecosystem, name, List.of(range), List.of(),
                List.of())), "test");
    }

    @Test
    void answersManyNamesAcrossBatchesAsOneNameAtATime() {
        Path file = temp.resolve("osv.db");
        try (VulnDbBuilder builder = VulnDbBuilder.create(file)) {
            for (int i = 0; i < 1_200; i++) {
                builder.add(advisory("PYSEC-" + i, "PyPI", "Package_" + i));
                if (i % 3 == 0) {
                    builder.add(advisory("PYSEC-second-" + i, "PyPI", "package-" + i));
                }
            }
            builder.add(advisory("GHSA-npm", "npm", "package-7"));
            builder.finish(List.of(), MODIFIED);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 1_300; i++) {
            names.add("package-" + i);
        }
        names.add("PACKAGE.7"); // the same PyPI name spelt otherwise

        try (VulnDb db = VulnDb.open(file)) {
            Map<String, List<VulnDb.Hit>> together = db.affecting("PyPI", names);

            for (String name : names) {
                assertThat(ids(together.getOrDefault(name, List.of()))).as(name).isEqualTo(ids(db.affecting("PyPI", name)));
            }
            assertThat(ids(together.get("PACKAGE.7"))).containsExactly("PYSEC-7");
            assertThat(ids(together.get("package-9"))).containsExactly("PYSEC-9", "PYSEC-second-9");
            assertThat(together).doesNotContainKey("package-1250").hasSize(1_201);
        }
    }

    private static List<String> ids(List<VulnDb.Hit> hits) {
        return hits.stream().map(hit -> hit.record().id()).toList();
    }
}
