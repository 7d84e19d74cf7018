package dev.bulwark.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.docker.DockerEngine;
import dev.bulwark.scanner.inventory.Package;
import dev.bulwark.scanner.layer.ScanLimits;
import dev.bulwark.scanner.source.DaemonSource;
import dev.bulwark.scanner.source.ImageRef;
import dev.bulwark.scanner.testing.Containers;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The inventory of the Debian test image is exactly what dpkg itself reports inside a container of it. */
class DebianInventoryTest {

    private static final String IMAGE = "bulwark-test/debian:latest";

    @Test
    void findsExactlyThePackagesDpkgQueryListsInTheContainer() {
        Set<String> expected = Arrays.stream(Containers.run(IMAGE, "dpkg-query", "-W", "-f", "${Package} ${Version}\\n")
                .split("\n")).filter(line -> !line.isBlank()).collect(Collectors.toSet());

        ScannedImage scanned;
        try (DockerEngine engine = DockerEngine.fromEnvironment();
             DaemonSource source = new DaemonSource(engine, ImageRef.parse(IMAGE))) {
            scanned = new ImageScanner(Analyzers.all(), ScanLimits.DEFAULTS, Optional.empty()).scan(source);
        }
        Set<String> found = scanned.inventory().packages().stream()
                .filter(pkg -> pkg.ecosystem().equals("deb"))
                .map(pkg -> pkg.name() + " " + pkg.version()).collect(Collectors.toSet());

        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(found).isEqualTo(expected);
        assertThat(scanned.inventory().os()).hasValueSatisfying(os -> {
            assertThat(os.id()).isEqualTo("debian");
            assertThat(os.versionId()).isEqualTo("12");
            assertThat(os.versionCodename()).isEqualTo("bookworm");
        });
        Package dpkg = scanned.inventory().packages().stream().filter(p -> p.name().equals("libc6")).findFirst().orElseThrow();
        assertThat(dpkg.sourceName()).isEqualTo("glibc");
        assertThat(dpkg.purl().toString()).startsWith("pkg:deb/debian/libc6@").contains("distro=debian-12");
        assertThat(dpkg.layer()).isEqualTo(scanned.image().config().diffIds().get(0));
        assertThat(dpkg.path()).isEqualTo("/var/lib/dpkg/status");
    }
}
