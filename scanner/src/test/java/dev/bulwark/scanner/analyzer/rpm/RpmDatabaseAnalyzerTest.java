package dev.bulwark.scanner.analyzer.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.model.Package;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RpmDatabaseAnalyzerTest {

    private static final String SQLITE = "var/lib/rpm/rpmdb.sqlite";

    private final RpmDatabaseAnalyzer analyzer = new RpmDatabaseAnalyzer();

    @Test
    void readsThePackagesOfAnSqliteRpmDatabase() {
        List<Package> packages = found(analyzer.analyze(new AnalyzerInput(SQLITE, fixture("happy/rpmdb.sqlite"))));

        assertThat(packages).extracting(Package::ecosystem, Package::name, Package::version, p -> p.purl().toString())
                .containsExactly(
                        tuple(Ecosystem.RPM, "tzdata", "2023c-1.el9", "pkg:rpm/tzdata@2023c-1.el9?arch=noarch"),
                        tuple(Ecosystem.RPM, "openssl-libs", "1:3.0.7-27.el9", "pkg:rpm/openssl-libs@3.0.7-27.el9?arch=x86_64&epoch=1"),
                        tuple(Ecosystem.RPM, "openssl", "1:3.0.7-27.el9", "pkg:rpm/openssl@3.0.7-27.el9?arch=x86_64&epoch=1"));
        assertThat(packages).allSatisfy(p -> assertThat(p.path()).isEqualTo("/var/lib/rpm/rpmdb.sqlite"));
    }

    @Test
    void skipsTheGpgPubkeyPseudoPackages() {
        List<Package> packages = found(analyzer.analyze(new AnalyzerInput(SQLITE, fixture("happy/rpmdb.sqlite"))));

        assertThat(packages).extracting(Package::name).doesNotContain("gpg-pubkey");
    }

    @Test
    void takesTheSourcePackageFromTheSourceRpmName() {
        List<Package> packages = found(analyzer.analyze(new AnalyzerInput(SQLITE, fixture("happy/rpmdb.sqlite"))));

        assertThat(packages).extracting(Package::name, Package::sourceName, Package::sourceVersion).containsExactly(
                tuple("tzdata", "tzdata", "2023c-1.el9"),
                tuple("openssl-libs", "openssl", "1:3.0.7-27.el9"),
                tuple("openssl", "openssl", "1:3.0.7-27.el9"));
    }

    @Test
    void reportsABerkeleyDbDatabaseAsNotInventoried() {
        AnalyzerOutcome outcome = analyzer.analyze(new AnalyzerInput("var/lib/rpm/Packages", fixture("sad/Packages")));

        assertThat(outcome).isEqualTo(new AnalyzerOutcome.Failed("rpm", "var/lib/rpm/Packages",
                "rpm database in BerkeleyDB format is not readable by Bulwark; the image's rpm packages are not inventoried"));
    }

    @Test
    void reportsAnNdbDatabaseAsNotInventoried() {
        byte[] ndb = new byte[4096];
        System.arraycopy("RpmP".getBytes(StandardCharsets.US_ASCII), 0, ndb, 0, 4);

        AnalyzerOutcome outcome = analyzer.analyze(new AnalyzerInput("usr/lib/sysimage/rpm/Packages.db", ndb));

        assertThat(outcome).isInstanceOfSatisfying(AnalyzerOutcome.Failed.class, failed ->
                assertThat(failed.reason()).startsWith("rpm database in NDB format is not readable by Bulwark"));
    }

    @Test
    void reportsACorruptHeaderBlob() {
        AnalyzerOutcome outcome = analyzer.analyze(new AnalyzerInput(SQLITE, fixture("sad/corrupt-header.sqlite")));

        assertThat(outcome).isInstanceOfSatisfying(AnalyzerOutcome.Failed.class, failed -> assertThat(failed.reason())
                .isEqualTo("rpm database /var/lib/rpm/rpmdb.sqlite cannot be read, so the image's rpm packages are not inventoried: "
                        + "the package with hnum 2 is unreadable: its header blob is 40 bytes, but its 41 index entries and "
                        + "792 bytes of data need 1456: the header is truncated"));
    }

    @Test
    void reportsAnSqliteDatabaseThatIsNotAnRpmDatabase(@TempDir Path directory) throws SQLException, IOException {
        Path database = directory.resolve("other.sqlite");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE Other (x INTEGER)");
        }

        AnalyzerOutcome outcome = analyzer.analyze(new AnalyzerInput(SQLITE, Files.readAllBytes(database)));

        assertThat(outcome).isInstanceOfSatisfying(AnalyzerOutcome.Failed.class, failed ->
                assertThat(failed.reason()).endsWith("it is an SQLite database without a Packages table, so not an rpm database"));
    }

    @Test
    void reportsAFileInNoKnownFormat() {
        AnalyzerOutcome outcome = analyzer.analyze(new AnalyzerInput(SQLITE, "not a database".getBytes(StandardCharsets.US_ASCII)));

        assertThat(outcome).isInstanceOfSatisfying(AnalyzerOutcome.Failed.class, failed ->
                assertThat(failed.reason()).contains("is in no format Bulwark knows"));
    }

    @Test
    void leavesNoCopyOfTheDatabaseBehind() {
        Set<Path> before = copies();

        analyzer.analyze(new AnalyzerInput(SQLITE, fixture("happy/rpmdb.sqlite")));
        analyzer.analyze(new AnalyzerInput(SQLITE, fixture("sad/corrupt-header.sqlite")));

        assertThat(copies()).isEqualTo(before);
    }

    @Test
    void wantsTheRpmDatabaseFiles() {
        assertThat(List.of("var/lib/rpm/rpmdb.sqlite", "usr/lib/sysimage/rpm/rpmdb.sqlite", "var/lib/rpm/Packages",
                "var/lib/rpm/Packages.db", "usr/lib/sysimage/rpm/Packages.db")).allMatch(path -> analyzer.wants(path, 100_000));
        assertThat(List.of("var/lib/rpm/Name", "var/lib/rpm/rpmdb.sqlite-wal", "home/me/var/lib/rpm/rpmdb.sqlite"))
                .noneMatch(path -> analyzer.wants(path, 100_000));
    }

    @Test
    void isRegistered() {
        assertThat(Analyzers.all()).hasAtLeastOneElementOfType(RpmDatabaseAnalyzer.class);
    }

    private static Set<Path> copies() {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(path -> path.getFileName().toString().startsWith("bulwark-rpmdb-")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Package> found(AnalyzerOutcome outcome) {
        assertThat(outcome).isInstanceOf(AnalyzerOutcome.Found.class);
        return ((AnalyzerOutcome.Found) outcome).packages();
    }

    private static byte[] fixture(String name) {
        try (InputStream in = RpmDatabaseAnalyzerTest.class.getResourceAsStream(name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
