package dev.bulwark.scanner.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.scanner.db.DbUpdater;
import dev.bulwark.scanner.db.VulnDb;
import dev.bulwark.scanner.testing.TestImages;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian packages are matched by source package in their release, as Debian publishes its advisories: every
 * binary package built from glibc (libc6, libc-bin) is affected by a glibc advisory for Debian:12, with the
 * source version compared the dpkg way.
 */
class DistroMatchingTest {

    @TempDir
    Path temp;

    @Test
    void matchesBinaryPackagesThroughTheirSourcePackageInTheImagesRelease() throws URISyntaxException {
        Path records = Path.of(DistroMatchingTest.class.getResource("debian").toURI());
        Path db = temp.resolve("debian.db");
        new DbUpdater(Clock.systemUTC(), line -> { }).update(db, List.of(records.toString()));

        Matcher.Result result;
        try (VulnDb vulns = VulnDb.open(db)) {
            result = new Matcher(vulns).match(TestImages.scan("bulwark-test/debian").inventory());
        }

        assertThat(result.matches()).filteredOn(m -> m.finding().vulnerabilityId().equals("TEST-DEBIAN-0001"))
                .extracting(m -> m.pkg().name()).contains("libc6", "libc-bin").doesNotContain("zlib1g");
        assertThat(result.matches()).filteredOn(m -> m.finding().vulnerabilityId().equals("TEST-DEBIAN-0001"))
                .allSatisfy(m -> {
                    assertThat(m.finding().fixedVersion()).isEqualTo("2.36-9+deb12u99");
                    assertThat(m.finding().pkg().toString()).contains("distro=debian-12");
                });
        assertThat(result.matches()).as("bookworm's glibc carries the fix for CVE-2023-4911")
                .noneMatch(m -> m.finding().isKnownAs("CVE-2023-4911"));
        assertThat(result.problems()).isEmpty();
    }
}
