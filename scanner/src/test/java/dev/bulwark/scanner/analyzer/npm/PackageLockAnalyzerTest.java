package dev.bulwark.scanner.analyzer.npm;

import static dev.bulwark.scanner.analyzer.npm.NpmFixtures.failed;
import static dev.bulwark.scanner.analyzer.npm.NpmFixtures.fixture;
import static dev.bulwark.scanner.analyzer.npm.NpmFixtures.found;
import static dev.bulwark.scanner.analyzer.npm.NpmFixtures.packages;
import static dev.bulwark.scanner.analyzer.npm.NpmFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.model.Package;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageLockAnalyzerTest {

    private final PackageLockAnalyzer analyzer = new PackageLockAnalyzer();

    @Test
    void readsEveryPackageOfALockfileV3() {
        AnalyzerOutcome outcome = analyzer.analyze(fixture("happy/lockfile-v3/package-lock.json", "app/package-lock.json"));

        assertThat(found(outcome)).containsExactlyInAnyOrder(
                "@babel/helper-plugin-utils 7.10.4 pkg:npm/%40babel/helper-plugin-utils@7.10.4",
                "debug 2.6.9 pkg:npm/debug@2.6.9",
                "ms 2.0.0 pkg:npm/ms@2.0.0",
                "is-number 7.0.0 pkg:npm/is-number@7.0.0",
                "lodash 4.17.20 pkg:npm/lodash@4.17.20",
                "lodash 4.17.21 pkg:npm/lodash@4.17.21",
                "minimist 1.2.5 pkg:npm/minimist@1.2.5",
                "ms 2.1.3 pkg:npm/ms@2.1.3",
                "ms 2.1.2 pkg:npm/ms@2.1.2");
        assertThat(packages(outcome)).allSatisfy(pkg -> {
            assertThat(pkg.ecosystem()).isEqualTo(Ecosystem.NPM);
            assertThat(pkg.path()).isEqualTo("/app/package-lock.json");
        });
    }

    @Test
    void leavesOutTheProjectItsWorkspacesAndTheLinksToThem() {
        List<String> names = packages(analyzer.analyze(fixture("happy/lockfile-v3/package-lock.json", "app/package-lock.json")))
                .stream().map(Package::name).toList();

        assertThat(names).doesNotContain("bulwark-fixture-app", "@fixture/greeter");
    }

    @Test
    void reportsDevelopmentDependenciesToo() {
        assertThat(found(analyzer.analyze(fixture("happy/lockfile-v3/package-lock.json", "app/package-lock.json"))))
                .contains("is-number 7.0.0 pkg:npm/is-number@7.0.0");
    }

    @Test
    void readsTheDependencyTreeOfALockfileV1() {
        assertThat(found(analyzer.analyze(fixture("happy/lockfile-v1/package-lock.json", "srv/legacy/package-lock.json"))))
                .containsExactlyInAnyOrder(
                        "@babel/helper-plugin-utils 7.10.4 pkg:npm/%40babel/helper-plugin-utils@7.10.4",
                        "debug 2.6.9 pkg:npm/debug@2.6.9",
                        "ms 2.0.0 pkg:npm/ms@2.0.0",
                        "is-number 7.0.0 pkg:npm/is-number@7.0.0",
                        "lodash 4.17.20 pkg:npm/lodash@4.17.20",
                        "lodash 4.17.21 pkg:npm/lodash@4.17.21",
                        "minimist 1.2.5 pkg:npm/minimist@1.2.5",
                        "ms 2.1.3 pkg:npm/ms@2.1.3");
    }

    @Test
    void readsOnlyThePackagesMapOfALockfileV2AndReportsEachPackageOnce() {
        assertThat(found(analyzer.analyze(fixture("happy/lockfile-v2/npm-shrinkwrap.json", "app/npm-shrinkwrap.json"))))
                .containsExactly(
                        "debug 2.6.9 pkg:npm/debug@2.6.9",
                        "ms 2.0.0 pkg:npm/ms@2.0.0",
                        "ms 2.1.3 pkg:npm/ms@2.1.3");
    }

    @Test
    void leavesOutGitAndFolderDependenciesOfALockfileV1() {
        String lock = """
                {"lockfileVersion": 1, "dependencies": {
                  "local-lib": {"version": "file:local-lib"},
                  "is-number": {"version": "github:jonschlinkert/is-number#98e8ff1da1a89f93d1397a24d7413ed15421c139"},
                  "ms": {"version": "2.1.3"}
                }}""";

        assertThat(found(analyzer.analyze(text(lock, "app/package-lock.json")))).containsExactly("ms 2.1.3 pkg:npm/ms@2.1.3");
    }

    @Test
    void wantsProjectLockfilesButNotThoseInsidePackages() {
        assertThat(List.of("app/package-lock.json", "package-lock.json", "srv/api/npm-shrinkwrap.json"))
                .allMatch(path -> analyzer.wants(path, 3000), "wanted");
        assertThat(List.of(
                "app/node_modules/some-lib/package-lock.json",
                "app/node_modules/some-lib/npm-shrinkwrap.json",
                "app/node_modules/.package-lock.json",
                "app/package.json",
                "app/yarn.lock",
                "app/old-package-lock.json"))
                .noneMatch(path -> analyzer.wants(path, 3000));
    }

    @Test
    void reportsMalformedJsonWithThePath() {
        AnalyzerOutcome.Failed failure = failed(analyzer.analyze(fixture("sad/lockfile-with-merge-conflict/package-lock.json",
                "app/package-lock.json")));

        assertThat(failure.analyzer()).isEqualTo("npm-lockfile");
        assertThat(failure.path()).isEqualTo("app/package-lock.json");
        assertThat(failure.reason()).startsWith("package-lock.json is not valid JSON at line 15, column 1: ");
    }

    @Test
    void reportsAnEntryWithoutAVersion() {
        assertThat(failed(analyzer.analyze(fixture("sad/lockfile-entry-without-version/package-lock.json",
                "app/package-lock.json"))).reason())
                .isEqualTo("package-lock.json entry \"node_modules/ms\" has no \"version\"");
    }

    @Test
    void reportsALockfileVersionItCannotRead() {
        assertThat(failed(analyzer.analyze(text("{\"lockfileVersion\": 4, \"dependencies\": {}}", "app/package-lock.json"))).reason())
                .isEqualTo("package-lock.json has lockfileVersion 4 and no \"packages\": Bulwark reads lockfile versions 1 to 3");
    }

    @Test
    void isRegistered() {
        assertThat(Analyzers.all()).hasAtLeastOneElementOfType(PackageLockAnalyzer.class);
    }
}
