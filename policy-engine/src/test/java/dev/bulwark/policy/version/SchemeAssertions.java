package dev.bulwark.policy.version;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions shared by the scheme tests. */
final class SchemeAssertions {

    private SchemeAssertions() {
    }

    /** Asserts the versions are strictly ascending in the scheme: every pair, both ways round. */
    static void assertAscending(VersionScheme scheme, String... versions) {
        for (int i = 0; i < versions.length; i++) {
            for (int j = i + 1; j < versions.length; j++) {
                assertThat(scheme.compare(versions[i], versions[j]))
                        .as("%s: %s < %s", scheme.name(), versions[i], versions[j])
                        .isNegative();
                assertThat(scheme.compare(versions[j], versions[i]))
                        .as("%s: %s > %s", scheme.name(), versions[j], versions[i])
                        .isPositive();
            }
        }
    }
}
