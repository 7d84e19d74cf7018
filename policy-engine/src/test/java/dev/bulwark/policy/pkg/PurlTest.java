package dev.bulwark.policy.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PurlTest {

    @Test
    void parsesEveryComponentOfADebianPurl() {
        Purl purl = Purl.parse("pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12");

        assertThat(purl.type()).isEqualTo("deb");
        assertThat(purl.namespace()).isEqualTo("debian");
        assertThat(purl.name()).isEqualTo("openssl");
        assertThat(purl.version()).isEqualTo("3.0.11-1~deb12u2");
        assertThat(purl.qualifiers()).containsEntry("arch", "amd64").containsEntry("distro", "debian-12");
    }

    @Test
    void decodesAnEncodedNpmScope() {
        Purl purl = Purl.parse("pkg:npm/%40angular/core@16.2.0");

        assertThat(purl.namespace()).isEqualTo("@angular");
        assertThat(purl.name()).isEqualTo("core");
        assertThat(purl.toString()).isEqualTo("pkg:npm/%40angular/core@16.2.0");
    }

    @Test
    void keepsAMavenGroupAsNamespaceAndSortsQualifiers() {
        Purl purl = Purl.parse("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar&classifier=sources");

        assertThat(purl.coordinates()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core");
        assertThat(purl).hasToString("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?classifier=sources&type=jar");
    }

    @Test
    void lowerCasesTheTypeSoEqualPackagesHaveEqualPurls() {
        assertThat(Purl.parse("pkg:PyPI/requests@2.31.0")).isEqualTo(Purl.of("pypi", "", "requests", "2.31.0"));
    }

    @Test
    void roundTripsAVersionWithAPlusAndASubpath() {
        String text = "pkg:golang/github.com/docker/docker@v24.0.7%2Bincompatible#api/types";

        Purl purl = Purl.parse(text);

        assertThat(purl.version()).isEqualTo("v24.0.7+incompatible");
        assertThat(purl.namespace()).isEqualTo("github.com/docker");
        assertThat(purl.subpath()).isEqualTo("api/types");
        assertThat(purl).hasToString(text);
    }

    @Test
    void hasNoVersionWhenNoneIsGiven() {
        assertThat(Purl.parse("pkg:apk/alpine/musl").optionalVersion()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"deb/debian/openssl@1", "pkg:deb", "pkg:1deb/x@1", "pkg:deb/debian/@1", "pkg:deb/x@1?arch"})
    void rejectsMalformedPurlsWithAMessageThatShowsTheValidForm(String text) {
        assertThatThrownBy(() -> Purl.parse(text))
                .isInstanceOf(InvalidPurlException.class)
                .hasMessageMatching("(?s).*(pkg:|letter|key=value).*");
    }
}
