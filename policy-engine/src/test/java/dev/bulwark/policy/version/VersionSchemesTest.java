package dev.bulwark.policy.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionSchemesTest {

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
