package dev.bulwark.scanner.analyzer.java;

import static dev.bulwark.scanner.analyzer.java.TestArchives.fixture;
import static dev.bulwark.scanner.analyzer.java.TestArchives.shade;
import static dev.bulwark.scanner.analyzer.java.TestArchives.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome.Failed;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome.Found;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.model.Package;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JavaArchiveAnalyzerTest {

    private static final byte[] SLF4J = fixture("happy/slf4j-api-2.0.17.jar");
    private static final byte[] FAILUREACCESS = fixture("happy/failureaccess-1.0.2.jar");
    private static final byte[] OPENTEST4J_MANIFEST_ONLY = fixture("happy/opentest4j-1.3.0.jar");
    private static final byte[] JAVAX_INJECT_NO_MANIFEST = fixture("happy/javax.inject-1.jar");
    private static final byte[] TRUNCATED = fixture("sad/truncated-failureaccess-1.0.2.jar");

    private final JavaArchiveAnalyzer analyzer = new JavaArchiveAnalyzer();

    @Test
    void readsGroupArtifactAndVersionFromPomProperties() {
        Found found = found(analyzer.analyze(new AnalyzerInput("app/lib/slf4j-api-2.0.17.jar", SLF4J)));

        assertThat(found.packages()).singleElement().satisfies(pkg -> {
            assertThat(pkg.ecosystem()).isEqualTo(Ecosystem.MAVEN);
            assertThat(pkg.name()).isEqualTo("org.slf4j:slf4j-api");
            assertThat(pkg.version()).isEqualTo("2.0.17");
            assertThat(pkg.purl()).hasToString("pkg:maven/org.slf4j/slf4j-api@2.0.17");
            assertThat(pkg.path()).isEqualTo("/app/lib/slf4j-api-2.0.17.jar");
            assertThat(pkg.sourceName()).isEmpty();
            assertThat(pkg.sourceVersion()).isEmpty();
        });
        assertThat(found.problems()).isEmpty();
    }

    @Test
    void reportsEveryArtifactEmbeddedInAShadedJar() {
        byte[] shaded = shade(SLF4J, FAILUREACCESS);

        Found found = found(analyzer.analyze(new AnalyzerInput("app/service-1.0.jar", shaded)));

        assertThat(found.packages()).extracting(Package::name, Package::version, p -> p.purl().toString(), Package::path)
                .containsExactly(
                        tuple("com.google.guava:failureaccess", "1.0.2", "pkg:maven/com.google.guava/failureaccess@1.0.2",
                                "/app/service-1.0.jar"),
                        tuple("org.slf4j:slf4j-api", "2.0.17", "pkg:maven/org.slf4j/slf4j-api@2.0.17", "/app/service-1.0.jar"));
    }

    @Test
    void findsJarsNestedInAWarInsideAnEar() {
        byte[] war = zip(ordered("WEB-INF/web.xml", "<web-app/>".getBytes(StandardCharsets.UTF_8),
                "WEB-INF/lib/slf4j-api-2.0.17.jar", SLF4J, "WEB-INF/lib/failureaccess-1.0.2.jar", FAILUREACCESS));
        byte[] ear = zip(ordered("app.war", war, "lib/javax.inject-1.jar", JAVAX_INJECT_NO_MANIFEST));

        Found found = found(analyzer.analyze(new AnalyzerInput("x.ear", ear)));

        assertThat(found.packages()).extracting(Package::name, Package::path).containsExactly(
                tuple("com.google.guava:failureaccess", "/x.ear!/app.war!/WEB-INF/lib/failureaccess-1.0.2.jar"),
                tuple("javax.inject", "/x.ear!/lib/javax.inject-1.jar"),
                tuple("org.slf4j:slf4j-api", "/x.ear!/app.war!/WEB-INF/lib/slf4j-api-2.0.17.jar"));
        assertThat(found.problems()).isEmpty();
    }

    @Test
    void fallsBackToTheManifest() {
        // Renamed, so that only the manifest (Implementation-Title opentest4j, Implementation-Version 1.3.0) names it.
        Found found = found(analyzer.analyze(new AnalyzerInput("opt/tools/opentest4j.jar", OPENTEST4J_MANIFEST_ONLY)));

        assertThat(found.packages()).extracting(Package::name, Package::version, p -> p.purl().toString())
                .containsExactly(tuple("opentest4j", "1.3.0", "pkg:maven/opentest4j@1.3.0"));
    }

    @Test
    void fallsBackToTheFileName() {
        Found found = found(analyzer.analyze(new AnalyzerInput("opt/lib/javax.inject-1.jar", JAVAX_INJECT_NO_MANIFEST)));

        assertThat(found.packages()).extracting(Package::name, Package::version, p -> p.purl().toString())
                .containsExactly(tuple("javax.inject", "1", "pkg:maven/javax.inject@1"));
    }

    @Test
    void listsAnArchiveWithoutAVersionAsNotAnalysedRatherThanClean() {
        AnalyzerOutcome outcome = analyzer.analyze(new AnalyzerInput("opt/lib/inject.jar", JAVAX_INJECT_NO_MANIFEST));

        assertThat(found(outcome).packages()).isEmpty();
        assertThat(found(outcome).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("opt/lib/inject.jar");
            assertThat(problem.reason()).startsWith("not identified").contains("javax.inject", "artifactId-version.jar");
        });
    }

    @Test
    void doesNotReportAnApplicationWarThatCannotBeNamedButNamesTheLibrariesInIt() {
        byte[] war = zip(Map.of("WEB-INF/classes/com/example/shop/Checkout.class", new byte[] {(byte) 0xCA, (byte) 0xFE},
                "WEB-INF/lib/javax.inject-1.jar", JAVAX_INJECT_NO_MANIFEST));

        Found found = found(analyzer.analyze(new AnalyzerInput("srv/shop.war", war)));

        assertThat(found.packages()).extracting(Package::name, Package::version).containsExactly(tuple("javax.inject", "1"));
        assertThat(found.problems()).isEmpty();
    }

    @Test
    void takesTheFileNameWhenPomPropertiesHoldsAPlaceholder() {
        byte[] jar = zip("META-INF/maven/com.example/tool/pom.properties",
                "groupId=com.example\nartifactId=tool\nversion=${project.version}\n".getBytes(StandardCharsets.ISO_8859_1));

        Found found = found(analyzer.analyze(new AnalyzerInput("tool-2.1.jar", jar)));

        assertThat(found.packages()).extracting(Package::name, Package::version).containsExactly(tuple("tool", "2.1"));
    }

    @Test
    void reportsEachArtifactOnceAtEachPath() {
        byte[] twice = zip(ordered("META-INF/maven/org.slf4j/slf4j-api/pom.properties", entry(SLF4J,
                "META-INF/maven/org.slf4j/slf4j-api/pom.properties"), "META-INF/maven/org.slf4j/slf4j-api-copy/pom.properties",
                entry(SLF4J, "META-INF/maven/org.slf4j/slf4j-api/pom.properties")));
        byte[] war = zip(ordered("WEB-INF/lib/a.jar", twice, "WEB-INF/lib/b.jar", twice));

        Found found = found(analyzer.analyze(new AnalyzerInput("app.war", war)));

        assertThat(found.packages()).extracting(Package::path).containsExactly("/app.war!/WEB-INF/lib/a.jar",
                "/app.war!/WEB-INF/lib/b.jar");
    }

    @Test
    void stopsAtTheNestingLimit() {
        byte[] eightDeep = SLF4J;
        for (int depth = 1; depth <= 8; depth++) {
            eightDeep = zip("lib/level" + depth + ".jar", eightDeep);
        }
        byte[] nineDeep = zip("lib/level9.jar", eightDeep);

        assertThat(found(analyzer.analyze(new AnalyzerInput("top.jar", eightDeep))).packages())
                .extracting(Package::name).containsExactly("org.slf4j:slf4j-api");
        Found tooDeep = found(analyzer.analyze(new AnalyzerInput("top.jar", nineDeep)));
        assertThat(tooDeep.packages()).isEmpty();
        assertThat(tooDeep.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.analyzer()).isEqualTo("java-archive");
            assertThat(problem.path()).startsWith("top.jar!/lib/level9.jar!/lib/level8.jar!/").endsWith("!/lib/level1.jar");
            assertThat(problem.reason()).contains("nested 9 archives deep", "limit of 8");
        });
    }

    @Test
    void reportsACorruptArchiveAndKeepsGoing() {
        byte[] war = zip(ordered("WEB-INF/lib/failureaccess-1.0.2.jar", TRUNCATED, "WEB-INF/lib/placeholder.jar", new byte[0],
                "WEB-INF/lib/slf4j-api-2.0.17.jar", SLF4J));

        Found found = found(analyzer.analyze(new AnalyzerInput("srv/app.war", war)));

        assertThat(found.packages()).extracting(Package::name).containsExactly("org.slf4j:slf4j-api");
        assertThat(found.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("srv/app.war!/WEB-INF/lib/failureaccess-1.0.2.jar");
            assertThat(problem.reason()).contains("not a readable zip archive", "corrupt or truncated");
        });
    }

    @Test
    void listsAHundredProblemsAndCountsTheRest() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            entries.put(String.format("WEB-INF/lib/broken-%03d.jar", i), TRUNCATED);
        }

        Found found = found(analyzer.analyze(new AnalyzerInput("app.war", zip(entries))));

        assertThat(found.problems()).hasSize(101);
        assertThat(found.problems().get(99).path()).isEqualTo("app.war!/WEB-INF/lib/broken-099.jar");
        assertThat(found.problems().get(100).path()).isEqualTo("app.war");
        assertThat(found.problems().get(100).reason()).startsWith("50 more parts of it could not be read");
    }

    @Test
    void failsWhenTheArchiveItselfIsCorrupt() {
        AnalyzerOutcome outcome = analyzer.analyze(new AnalyzerInput("srv/lib/failureaccess-1.0.2.jar", TRUNCATED));

        assertThat(outcome).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.analyzer()).isEqualTo("java-archive");
            assertThat(failed.path()).isEqualTo("srv/lib/failureaccess-1.0.2.jar");
            assertThat(failed.reason()).contains("not a readable zip archive");
        });
    }

    @Test
    void refusesAZipBomb() {
        byte[] bomb = zip("lib/zeros.jar", new byte[16 << 20]);
        JavaArchiveAnalyzer oneMebibyte = new JavaArchiveAnalyzer(8, 1 << 20);

        AnalyzerOutcome outcome = oneMebibyte.analyze(new AnalyzerInput("bomb.jar", bomb));

        assertThat(bomb.length).isLessThan(64 << 10);
        assertThat(outcome).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.path()).isEqualTo("bomb.jar");
            assertThat(failed.reason()).contains("more than 1048576 bytes", "zip bomb");
        });
    }

    @Test
    void countsEveryNestedArchiveAgainstOneUnpackLimit() {
        byte[] war = zip(ordered("WEB-INF/lib/a.jar", SLF4J, "WEB-INF/lib/b.jar", SLF4J, "WEB-INF/lib/c.jar", SLF4J));

        // Each slf4j-api jar is unpacked from the war, then its pom.properties (54 bytes) from it.
        assertThat(new JavaArchiveAnalyzer(8, 3L * SLF4J.length + 3 * 54).analyze(new AnalyzerInput("app.war", war)))
                .isInstanceOf(Found.class);
        assertThat(new JavaArchiveAnalyzer(8, 3L * SLF4J.length + 3 * 54 - 1).analyze(new AnalyzerInput("app.war", war)))
                .isInstanceOf(Failed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.jar", "opt/app/app.war", "srv/x.ear", "lib/proc.par", "var/jenkins_home/plugins/git.jpi",
            "plugins/git.hpi", "APP.JAR", "srv/Legacy.War"})
    void wantsJavaArchives(String path) {
        assertThat(analyzer.wants(path, 1)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.jar.sha1", "app.zip", "jar", "lib/.jar", "META-INF/MANIFEST.MF", "Main.class",
            "usr/share/java/"})
    void wantsOnlyJavaArchives(String path) {
        assertThat(analyzer.wants(path, 1)).isFalse();
    }

    @Test
    void isRegistered() {
        assertThat(Analyzers.all()).hasAtLeastOneElementOfType(JavaArchiveAnalyzer.class);
    }

    private static Found found(AnalyzerOutcome outcome) {
        assertThat(outcome).isInstanceOf(Found.class);
        return (Found) outcome;
    }

    private static Map<String, byte[]> ordered(Object... nameThenContent) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            entries.put((String) nameThenContent[i], (byte[]) nameThenContent[i + 1]);
        }
        return entries;
    }

    private static byte[] entry(byte[] jar, String name) {
        return TestArchives.entries(jar).get(name);
    }
}
