package dev.bulwark.scanner.trivy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.scanner.model.OsRelease;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrivyPurlsTest {

    private static final Optional<OsRelease> ALPINE = Optional.of(new OsRelease("alpine", "3.20.3", "", null));

    @Test
    void namesAlpinePackagesAfterTheDistroAsBulwarksInventoryDoes() {
        assertThat(TrivyPurls.of("alpine", "musl", "1.2.5-r0", "x86_64", ALPINE))
                .hasToString("pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20.3");
    }

    @Test
    void namesOsPackagesAfterTheResultTypeWhenTheReportHasNoOs() {
        assertThat(TrivyPurls.of("ubuntu", "openssl", "3.0.2-0ubuntu1.15", "", Optional.empty()))
                .hasToString("pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.15");
    }

    @Test
    void mapsGradleAndNodePackagesToTheirEcosystems() {
        assertThat(TrivyPurls.of("gradle", "org.yaml:snakeyaml", "1.33", "", Optional.empty()))
                .hasToString("pkg:maven/org.yaml/snakeyaml@1.33");
        assertThat(TrivyPurls.of("node-pkg", "lodash", "4.17.20", "", Optional.empty())).hasToString("pkg:npm/lodash@4.17.20");
        assertThat(TrivyPurls.of("poetry", "Jinja2", "2.11.2", "", Optional.empty())).hasToString("pkg:pypi/jinja2@2.11.2");
    }

    @Test
    void keepsAPackageOfAnUnknownTypeAsGenericSoTheFindingStillReachesTheGate() {
        assertThat(TrivyPurls.of("conan", "zlib", "1.2.13", "", Optional.empty())).hasToString("pkg:generic/zlib@1.2.13");
    }
}
