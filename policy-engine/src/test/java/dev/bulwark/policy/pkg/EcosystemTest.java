package dev.bulwark.policy.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.version.GenericVersionScheme;
import dev.bulwark.policy.version.VersionScheme;
import dev.bulwark.policy.version.VersionSchemes;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class EcosystemTest {

    @ParameterizedTest
    @CsvSource({
        "Debian, dpkg",
        "Ubuntu, dpkg",
        "Alpine, apk",
        "Red Hat, rpm",
        "Rocky Linux, rpm",
        "AlmaLinux, rpm",
        "openSUSE, rpm",
        "SUSE, rpm",
        "Maven, maven",
        "npm, npm",
        "PyPI, pep440",
        "Go, go"
    })
    void ordersEachOsvEcosystemsVersionsByItsOwnScheme(String osvName, String scheme) {
        assertThat(Ecosystem.schemeForOsv(osvName).name()).isEqualTo(scheme);
    }

    @ParameterizedTest
    @CsvSource({
        "Debian:12, DEB",
        "Ubuntu:22.04:LTS, DEB",
        "Alpine:v3.20, APK",
        "Red Hat:enterprise_linux:9::appstream, RPM",
        "openSUSE:Leap 15.5, RPM",
        "debian, DEB",
        "PYPI, PYPI",
        "' Go ', GOLANG"
    })
    void readsOsvNamesWhateverTheirCaseBlanksAndRelease(String osvName, Ecosystem ecosystem) {
        assertThat(Ecosystem.ofOsvName(osvName)).contains(ecosystem);
    }

    @Test
    void knowsNoEcosystemForAdvisoriesOfOtherEcosystemsAndOrdersThemGenerically() {
        assertThat(List.of("crates.io", "Hex", "NuGet", "RubyGems", "Packagist", "")).allSatisfy(osvName -> {
            assertThat(Ecosystem.ofOsvName(osvName)).isEmpty();
            assertThat(Ecosystem.schemeForOsv(osvName)).isInstanceOf(GenericVersionScheme.class);
        });
    }

    @Test
    void reachesEverySchemeButTheFallbackFromSomeEcosystem() {
        List<VersionScheme> used = Arrays.stream(Ecosystem.values()).map(Ecosystem::scheme).toList();
        assertThat(used).containsAll(VersionSchemes.all());
    }

    @ParameterizedTest
    @EnumSource(value = Ecosystem.class, mode = EnumSource.Mode.EXCLUDE, names = "OTHER")
    void findsEachEcosystemByItsPurlTypeItsOsvNamesAndItsTrivyTypes(Ecosystem ecosystem) {
        assertThat(Ecosystem.ofPurlType(ecosystem.purlType().toUpperCase())).contains(ecosystem);
        assertThat(ecosystem.osvNames()).isNotEmpty().allSatisfy(name ->
                assertThat(Ecosystem.ofOsvName(name)).contains(ecosystem));
        assertThat(ecosystem.trivyTypes()).isNotEmpty().allSatisfy(type ->
                assertThat(Ecosystem.ofTrivyType(type)).contains(ecosystem));
        assertThat(ecosystem.osvNames()).containsAll(ecosystem.osvExports());
    }

    @Test
    void readsNoEcosystemFromTheGenericPurlTypeOrAnUnknownOne() {
        assertThat(Ecosystem.ofPurlType("generic")).isEmpty();
        assertThat(Ecosystem.ofPurlType("cargo")).isEmpty();
        assertThat(Ecosystem.ofTrivyType("bundler")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "PYPI, Django_REST.framework, django-rest-framework",
        "MAVEN, ' Org.Apache.Logging.Log4j:Log4j-Core ', org.apache.logging.log4j:log4j-core",
        "NPM, @Types/Node, @Types/Node",
        "GOLANG, github.com/BurntSushi/toml, github.com/BurntSushi/toml",
        "DEB, ' libssl3 ', libssl3"
    })
    void comparesNamesAsTheEcosystemDoes(Ecosystem ecosystem, String name, String normalized) {
        assertThat(ecosystem.normalize(name)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @CsvSource({
        "'pkg:deb/debian/openssl@3.0.11-1?distro=debian-12', openssl",
        "'pkg:rpm/rocky/bash@5.1.8-6', bash",
        "'pkg:apk/alpine/musl@1.2.4-r2', musl",
        "'pkg:maven/org.example/lib@1.0', org.example:lib",
        "'pkg:npm/%40types/node@20.1.0', @types/node",
        "'pkg:golang/golang.org/x/net@v0.17.0', golang.org/x/net",
        "'pkg:pypi/django@4.2', django",
        "'pkg:gem/rails@7.0.0', rails",
        "'pkg:cargo/serde@1.0.0', serde"
    })
    void writesTheNamePeopleKnowAPackageBy(String purl, String name) {
        assertThat(Ecosystem.displayName(Purl.parse(purl))).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource({
        "MAVEN, org.example:lib, 'pkg:maven/org.example/lib@1.0'",
        "NPM, @types/node, 'pkg:npm/%40types/node@1.0'",
        "NPM, lodash, 'pkg:npm/lodash@1.0'",
        "GOLANG, golang.org/x/net, 'pkg:golang/golang.org/x/net@1.0'",
        "PYPI, Django_Rest, 'pkg:pypi/django-rest@1.0'"
    })
    void buildsThePurlOfALanguagePackageFromItsWrittenName(Ecosystem ecosystem, String name, String purl) {
        Purl built = ecosystem.purlOf(name, "1.0", ecosystem.purlType());
        assertThat(built).isEqualTo(Purl.parse(purl));
        assertThat(Ecosystem.displayName(built)).isEqualTo(ecosystem.normalize(name));
    }
}
