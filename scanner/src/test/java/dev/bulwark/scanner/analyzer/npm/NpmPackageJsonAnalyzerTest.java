package dev.bulwark.scanner.analyzer.npm;

import static dev.bulwark.scanner.analyzer.npm.NpmFixtures.failed;
import static dev.bulwark.scanner.analyzer.npm.NpmFixtures.fixture;
import static dev.bulwark.scanner.analyzer.npm.NpmFixtures.found;
import static dev.bulwark.scanner.analyzer.npm.NpmFixtures.packages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.model.Package;
import java.util.List;
import org.junit.jupiter.api.Test;

class NpmPackageJsonAnalyzerTest {

    private final NpmPackageJsonAnalyzer analyzer = new NpmPackageJsonAnalyzer();

    @Test
    void readsNameAndVersionOfAnInstalledPackage() {
        AnalyzerOutcome outcome = analyzer.analyze(fixture("happy/node_modules/lodash/package.json",
                "app/node_modules/lodash/package.json"));

        Package lodash = packages(outcome).get(0);
        assertThat(packages(outcome)).hasSize(1);
        assertThat(lodash.ecosystem()).isEqualTo(Ecosystem.NPM);
        assertThat(lodash.name()).isEqualTo("lodash");
        assertThat(lodash.version()).isEqualTo("4.17.20");
        assertThat(lodash.purl()).hasToString("pkg:npm/lodash@4.17.20");
        assertThat(lodash.path()).isEqualTo("/app/node_modules/lodash/package.json");
    }

    @Test
    void readsScopedPackagesWithEncodedPurl() {
        Package babel = packages(analyzer.analyze(fixture("happy/node_modules/@babel/helper-plugin-utils/package.json",
                "app/node_modules/@babel/helper-plugin-utils/package.json"))).get(0);

        assertThat(babel.name()).isEqualTo("@babel/helper-plugin-utils");
        assertThat(babel.purl().namespace()).isEqualTo("@babel");
        assertThat(babel.purl().name()).isEqualTo("helper-plugin-utils");
        assertThat(babel.purl()).hasToString("pkg:npm/%40babel/helper-plugin-utils@7.10.4");
    }

    @Test
    void readsAPackageNestedInAnotherPackagesNodeModules() {
        assertThat(found(analyzer.analyze(fixture("happy/node_modules/debug/node_modules/ms/package.json",
                "app/node_modules/debug/node_modules/ms/package.json"))))
                .containsExactly("ms 2.0.0 pkg:npm/ms@2.0.0");
    }

    @Test
    void reportsAnAliasedPackageUnderItsRealName() {
        assertThat(found(analyzer.analyze(fixture("happy/node_modules/lodash4/package.json", "app/node_modules/lodash4/package.json"))))
                .containsExactly("lodash 4.17.21 pkg:npm/lodash@4.17.21");
    }

    @Test
    void wantsThePackageJsonAtTheRootOfEachInstalledPackage() {
        assertThat(List.of(
                "app/node_modules/lodash/package.json",
                "node_modules/lodash/package.json",
                "app/node_modules/@babel/core/package.json",
                "app/node_modules/debug/node_modules/ms/package.json",
                "app/node_modules/@babel/core/node_modules/@babel/types/package.json",
                "usr/local/lib/node_modules/npm/package.json",
                "usr/local/lib/node_modules/npm/node_modules/@npmcli/arborist/package.json",
                "app/node_modules/.pnpm/lodash@4.17.21/node_modules/lodash/package.json"))
                .allMatch(path -> analyzer.wants(path, 600), "wanted");
    }

    @Test
    void ignoresPackageJsonInsideAPackagesOwnFolders() {
        assertThat(List.of(
                "app/node_modules/a/lib/package.json",
                "app/node_modules/@babel/runtime/helpers/esm/package.json",
                "app/node_modules/@babel/runtime/helpers/package.json",
                "app/node_modules/@babel/package.json",
                "app/node_modules/package.json",
                "app/node_modules/.bin/package.json",
                "app/node_modules/lodash/package.json.orig",
                "app/package.json",
                "package.json"))
                .noneMatch(path -> analyzer.wants(path, 600));
    }

    @Test
    void reportsMalformedJsonWithThePath() {
        AnalyzerOutcome.Failed failure = failed(analyzer.analyze(fixture("sad/package-json-array/package.json",
                "app/node_modules/ms/package.json")));

        assertThat(failure.analyzer()).isEqualTo("npm-package-json");
        assertThat(failure.path()).isEqualTo("app/node_modules/ms/package.json");
        assertThat(failure.reason()).isEqualTo("package.json holds a JSON array, not an object");
    }

    @Test
    void reportsAnInstalledPackageWithoutAVersion() {
        assertThat(failed(analyzer.analyze(fixture("sad/package-json-without-version/package.json",
                "app/node_modules/ms/package.json"))).reason())
                .isEqualTo("package.json of ms has no \"version\"");
    }

    @Test
    void isRegistered() {
        assertThat(Analyzers.all()).hasAtLeastOneElementOfType(NpmPackageJsonAnalyzer.class);
    }
}
