package dev.bulwark.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.testing.Containers;
import dev.bulwark.scanner.testing.TestImages;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The inventory of the Debian test image is exactly what dpkg itself reports inside a container of it. */
class DebianInventoryTest {

    private static final String IMAGE = "bulwark-test/debian:latest";

    private static ScannedImage scan(String image) {
        return TestImages.scan(image);
    }

    private static Set<String> dpkgQuery(String image) {
        return Arrays.stream(Containers.run(image, "dpkg-query", "-W", "-f", "${Package} ${Version}\\n")
                .split("\n")).filter(line -> !line.isBlank()).collect(Collectors.toSet());
    }

    private static Set<String> debPackages(ScannedImage scanned) {
        return scanned.inventory().packages().stream().filter(pkg -> pkg.ecosystem() == Ecosystem.DEB)
                .map(pkg -> pkg.name() + " " + pkg.version()).collect(Collectors.toSet());
    }

    @Test
    void findsPackagesInstalledInALaterLayerAndAttributesEachToItsLayer() {
        String image = "bulwark-test/debian-pkgs:latest";
        Set<String> expected = dpkgQuery(image);

        ScannedImage scanned = scan(image);

        assertThat(expected).contains("openssl " + version(scanned, "openssl"));
        assertThat(debPackages(scanned)).isEqualTo(expected);
        List<String> layers = scanned.image().config().diffIds();
        assertThat(layer(scanned, "libc6")).isEqualTo(layers.get(0));
        assertThat(layer(scanned, "openssl")).isEqualTo(layers.get(1));
        assertThat(layer(scanned, "python3-cryptography")).isEqualTo(layers.get(1));
    }

    private static String version(ScannedImage scanned, String name) {
        return scanned.inventory().packages().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().version();
    }

    private static String layer(ScannedImage scanned, String name) {
        return scanned.inventory().packages().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().layer();
    }

    @Test
    void findsExactlyThePackagesDpkgQueryListsInTheContainer() {
        Set<String> expected = dpkgQuery(IMAGE);

        ScannedImage scanned = scan(IMAGE);

        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(debPackages(scanned)).isEqualTo(expected);
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
