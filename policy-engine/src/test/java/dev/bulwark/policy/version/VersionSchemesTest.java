package dev.bulwark.policy.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionSchemesTest {

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
    void mapsEachOsvEcosystemToItsScheme(String ecosystem, String scheme) {
        assertThat(VersionSchemes.forEcosystem(ecosystem).name()).isEqualTo(scheme);
    }

    @ParameterizedTest
    @CsvSource({
        "Debian:12, dpkg",
        "Ubuntu:22.04:LTS, dpkg",
        "Alpine:v3.20, apk",
        "Red Hat:enterprise_linux:9::appstream, rpm",
        "openSUSE:Leap 15.5, rpm",
        "debian, dpkg",
        "PYPI, pep440",
        "' Go ', go"
    })
    void ignoresCaseBlanksAndTheReleaseAfterTheColon(String ecosystem, String scheme) {
        assertThat(VersionSchemes.forEcosystem(ecosystem).name()).isEqualTo(scheme);
    }

    @Test
    void fallsBackToTheGenericSchemeForOtherEcosystems() {
        assertThat(List.of("crates.io", "Hex", "NuGet", "RubyGems", "Packagist", "")).allSatisfy(ecosystem ->
                assertThat(VersionSchemes.forEcosystem(ecosystem)).isInstanceOf(GenericVersionScheme.class));
    }

    @Test
    void registersEverySchemeClassExactlyOnceAndEachHasItsOwnTest() {
        List<Class<?>> schemeClasses = Arrays.asList(VersionScheme.class.getPermittedSubclasses());

        assertThat(VersionSchemes.all())
                .extracting(Object::getClass)
                .containsExactlyInAnyOrderElementsOf(schemeClasses);
        assertThat(schemeClasses).allSatisfy(scheme -> assertThat(testClassFor(scheme))
                .as("a test class %sTest for %s", scheme.getSimpleName(), scheme.getSimpleName())
                .isNotNull());
    }

    @Test
    void reachesEverySchemeButTheFallbackFromSomeEcosystem() {
        assertThat(VersionSchemes.ecosystemMap().values())
                .containsAll(VersionSchemes.all().stream().filter(s -> !(s instanceof GenericVersionScheme)).toList());
    }

    @Test
    void findsSchemesByTheirNames() {
        assertThat(VersionSchemes.all()).allSatisfy(scheme ->
                assertThat(VersionSchemes.named(scheme.name().toUpperCase())).isSameAs(scheme));
        assertThat(VersionSchemes.all()).extracting(VersionScheme::name).doesNotHaveDuplicates();
    }

    @Test
    void listsTheKnownNamesWhenANameIsUnknown() {
        assertThatThrownBy(() -> VersionSchemes.named("cargo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cargo'")
                .hasMessageContaining("dpkg")
                .hasMessageContaining("pep440");
    }

    @Test
    void ordersEachVersionEqualToItselfInEveryScheme() {
        assertThat(VersionSchemes.all()).allSatisfy(scheme -> {
            assertThat(scheme.compare("1.2.3", "1.2.3")).as(scheme.name()).isZero();
            assertThat(scheme.comparator().compare("1.2.3", "1.10.0")).as(scheme.name()).isNegative();
        });
    }

    private static Class<?> testClassFor(Class<?> scheme) {
        try {
            return Class.forName(scheme.getName() + "Test");
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
