package dev.bulwark.scanner.analyzer.npm;

import static dev.bulwark.scanner.analyzer.npm.NpmFixtures.failed;
import static dev.bulwark.scanner.analyzer.npm.NpmFixtures.fixture;
import static dev.bulwark.scanner.analyzer.npm.NpmFixtures.found;
import static dev.bulwark.scanner.analyzer.npm.NpmFixtures.packages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.model.Package;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YarnLockAnalyzerTest {

    private static final List<String> COMMON = List.of(
            "@babel/helper-plugin-utils 7.10.4 pkg:npm/%40babel/helper-plugin-utils@7.10.4",
            "ansi-regex 5.0.1 pkg:npm/ansi-regex@5.0.1",
            "debug 2.6.9 pkg:npm/debug@2.6.9",
            "emoji-regex 8.0.0 pkg:npm/emoji-regex@8.0.0",
            "is-fullwidth-code-point 3.0.0 pkg:npm/is-fullwidth-code-point@3.0.0",
            "lodash 4.17.21 pkg:npm/lodash@4.17.21",
            "lodash 4.17.20 pkg:npm/lodash@4.17.20",
            "ms 2.0.0 pkg:npm/ms@2.0.0",
            "ms 2.1.3 pkg:npm/ms@2.1.3",
            "string-width 4.2.3 pkg:npm/string-width@4.2.3",
            "strip-ansi 6.0.1 pkg:npm/strip-ansi@6.0.1");

    private final YarnLockAnalyzer analyzer = new YarnLockAnalyzer();

    @Test
    void readsEveryRegistryEntryOfAClassicYarnLock() {
        AnalyzerOutcome outcome = analyzer.analyze(fixture("happy/yarn-classic/yarn.lock", "app/yarn.lock"));

        assertThat(found(outcome)).containsExactlyInAnyOrderElementsOf(COMMON);
        assertThat(packages(outcome)).extracting(Package::path).containsOnly("/app/yarn.lock");
    }

    @Test
    void readsEveryNpmEntryOfABerryYarnLock() {
        List<String> expected = new ArrayList<>(COMMON);
        expected.addAll(List.of(
                "function-bind 1.1.2 pkg:npm/function-bind@1.1.2",
                "hasown 2.0.4 pkg:npm/hasown@2.0.4",
                "is-core-module 2.18.0 pkg:npm/is-core-module@2.18.0",
                "path-parse 1.0.7 pkg:npm/path-parse@1.0.7",
                "resolve 1.22.8 pkg:npm/resolve@1.22.8",
                "supports-preserve-symlinks-flag 1.0.0 pkg:npm/supports-preserve-symlinks-flag@1.0.0"));

        assertThat(found(analyzer.analyze(fixture("happy/yarn-berry/yarn.lock", "app/yarn.lock"))))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void leavesOutWorkspacesPatchesAndFolderDependencies() {
        List<String> classic = names(analyzer.analyze(fixture("happy/yarn-classic/yarn.lock", "app/yarn.lock")));
        List<String> berry = names(analyzer.analyze(fixture("happy/yarn-berry/yarn.lock", "app/yarn.lock")));

        assertThat(classic).doesNotContain("local-lib", "lodash4");
        assertThat(berry).doesNotContain("local-lib", "lodash4", "bulwark-fixture-berry").containsOnlyOnce("resolve");
    }

    @Test
    void readsScopedPackagesWithEncodedPurl() {
        assertThat(packages(analyzer.analyze(fixture("happy/yarn-berry/yarn.lock", "app/yarn.lock"))))
                .filteredOn(pkg -> pkg.name().startsWith("@"))
                .singleElement()
                .satisfies(pkg -> {
                    assertThat(pkg.name()).isEqualTo("@babel/helper-plugin-utils");
                    assertThat(pkg.purl().namespace()).isEqualTo("@babel");
                    assertThat(pkg.purl().name()).isEqualTo("helper-plugin-utils");
                });
    }

    @Test
    void wantsProjectYarnLocksButNotThoseInsidePackages() {
        assertThat(analyzer.wants("app/yarn.lock", 3000)).isTrue();
        assertThat(analyzer.wants("yarn.lock", 3000)).isTrue();
        assertThat(List.of("app/node_modules/some-lib/yarn.lock", "app/package-lock.json", "app/yarn.lock.bak", "app/.yarn/install-state.gz"))
                .noneMatch(path -> analyzer.wants(path, 3000));
    }

    @Test
    void reportsALineOfAClassicYarnLockThatIsNoEntry() {
        AnalyzerOutcome.Failed failure = failed(analyzer.analyze(fixture("sad/yarn-classic-stray-line/yarn.lock", "app/yarn.lock")));

        assertThat(failure.analyzer()).isEqualTo("yarn-lock");
        assertThat(failure.path()).isEqualTo("app/yarn.lock");
        assertThat(failure.reason()).isEqualTo("yarn.lock line 8 is neither an entry header (name@range:) nor an indented field: <<<<<<< HEAD");
    }

    @Test
    void reportsInvalidYamlInABerryYarnLockWithTheLine() {
        assertThat(failed(analyzer.analyze(fixture("sad/yarn-berry-invalid-yaml/yarn.lock", "app/yarn.lock"))).reason())
                .isEqualTo("yarn.lock is not valid YAML at line 10: while scanning a quoted scalar: found unexpected end of stream");
    }

    @Test
    void reportsABerryEntryWithoutResolution() {
        assertThat(failed(analyzer.analyze(fixture("sad/yarn-berry-entry-without-resolution/yarn.lock", "app/yarn.lock"))).reason())
                .isEqualTo("yarn.lock entry \"ms@npm:2.1.3\" has no resolution");
    }

    @Test
    void isRegistered() {
        assertThat(Analyzers.all()).hasAtLeastOneElementOfType(YarnLockAnalyzer.class);
    }

    private static List<String> names(AnalyzerOutcome outcome) {
        return packages(outcome).stream().map(Package::name).toList();
    }
}
