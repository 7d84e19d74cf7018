package dev.bulwark.scanner.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.scanner.testing.OsvExports;
import dev.bulwark.scanner.testing.SmallDisk;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Updates from a mirror on loopback serving an OSV export (a zip of the corpus' npm records) as OSV's storage does. */
class DbUpdaterTest {

    @TempDir
    Path temp;

    private HttpServer server;
    private byte[] export;
    private final AtomicReference<String> contentMd5 = new AtomicReference<>();
    private final List<String> requests = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void serveTheExport() throws Exception {
        export = OsvExports.zipOf(Corpora.corpus("osv-ghsa/npm"));
        contentMd5.set(Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(export)));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/npm/all.zip", exchange -> {
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            requests.add(ifNoneMatch == null ? "GET" : "GET If-None-Match " + ifNoneMatch);
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            if ("\"v1\"".equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("x-goog-hash", "crc32c=AAAAAA==,md5=" + contentMd5.get());
            exchange.sendResponseHeaders(200, export.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(export);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/npm/all.zip";
    }

    @Test
    void buildsFromAnExportAndKeepsItsEtagAndChecksum() {
        Path db = temp.resolve("osv.db");

        DbMetadata metadata = new DbUpdater(clock, line -> { }).update(db, List.of(url()));

        assertThat(metadata.advisories()).isEqualTo(40);
        assertThat(metadata.sources()).singleElement().satisfies(source -> assertThat(source.etag()).contains("\"v1\""));
        try (VulnDb opened = VulnDb.open(db)) {
            assertThat(opened.metadata().builtAt()).isEqualTo(clock.instant());
            assertThat(opened.affecting("npm", "lodash")).isNotEmpty();
        }
    }

    @Test
    void asksOnlyForWhatChangedAndKeepsTheRecordsOfAnUnchangedSource() {
        Path db = temp.resolve("osv.db");
        DbUpdater updater = new DbUpdater(clock, line -> { });
        updater.update(db, List.of(url()));

        DbMetadata second = updater.update(db, List.of(url()));

        assertThat(requests).containsExactly("GET", "GET If-None-Match \"v1\"");
        assertThat(second.advisories()).isEqualTo(40);
    }

    @Test
    void replacesADatabaseOfTheEarlierJsonLayoutWithAFullDownload() throws Exception {
        Path db = temp.resolve("osv.db");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            statement.execute("CREATE TABLE advisory (id TEXT PRIMARY KEY, record TEXT NOT NULL)");
            statement.execute("CREATE TABLE affected (ecosystem TEXT NOT NULL, name TEXT NOT NULL, advisory_id TEXT NOT NULL,"
                    + " entry INTEGER NOT NULL)");
            statement.execute("INSERT INTO meta VALUES ('metadata', '{\"schemaVersion\":2,\"builtAt\":\"2026-11-01T00:00:00Z\","
                    + "\"sources\":[{\"location\":\"" + url() + "\",\"records\":40,\"etag\":\"\\\"v1\\\"\"}],"
                    + "\"records\":40}')");
        }
        List<String> progress = new ArrayList<>();

        new DbUpdater(clock, progress::add).update(db, List.of(url()));

        assertThat(progress).anySatisfy(line -> assertThat(line).contains("layout version 2").contains("building from scratch"));
        assertThat(requests).containsExactly("GET");
        try (VulnDb opened = VulnDb.open(db)) {
            assertThat(opened.metadata().schemaVersion()).isEqualTo(DbFormat.SCHEMA_VERSION);
            assertThat(opened.affecting("npm", "minimist")).isNotEmpty();
        }
    }

    @Test
    void refusesADamagedDownloadAndLeavesTheOldDatabaseInPlace() throws IOException {
        Path db = temp.resolve("osv.db");
        new DbUpdater(clock, line -> { }).update(db, List.of(Corpora.corpus("osv-ghsa/maven").toString()));
        byte[] before = Files.readAllBytes(db);
        contentMd5.set(Base64.getEncoder().encodeToString(new byte[16]));

        assertThatThrownBy(() -> new DbUpdater(clock, line -> { }).update(db, List.of(url())))
                .isInstanceOf(DbException.class)
                .hasMessageContaining("the download is damaged");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("osv.db");
        }
    }

    @Test
    void failsOnAFullDiskWithoutTouchingTheOldDatabaseAndUpdatesOnceThereIsRoom() throws IOException {
        try (SmallDisk disk = SmallDisk.mount(temp.resolve("small"), 16)) {
            Path db = disk.root().resolve("osv.db");
            DbUpdater updater = new DbUpdater(clock, line -> { });
            updater.update(db, List.of(Corpora.corpus("osv-ghsa/maven").toString()));
            byte[] before = Files.readAllBytes(db);
            disk.fill();

            assertThatThrownBy(() -> updater.update(db, List.of(Corpora.corpus("osv-pypi/vulns").toString())))
                    .isInstanceOf(DbException.class).hasMessageContaining("the disk is full: free space in");
            assertThat(Files.readAllBytes(db)).isEqualTo(before);
            try (Stream<Path> files = Files.list(disk.root())) {
                assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("osv.db", ".filler");
            }

            disk.free();
            DbMetadata after = updater.update(db, List.of(Corpora.corpus("osv-pypi/vulns").toString()));
            assertThat(after.advisories()).isPositive();
            try (VulnDb opened = VulnDb.open(db)) {
                assertThat(opened.metadata().advisories()).isEqualTo(after.advisories());
            }
        }
    }

    @Test
    void namesTheFileOfARecordThatIsNotOsv() throws IOException {
        Path bad = temp.resolve("records");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("GHSA-bad.json"), "{\"id\": \"GHSA-bad\", \"affected\": []}");

        assertThatThrownBy(() -> new DbUpdater(clock, line -> { }).update(temp.resolve("osv.db"), List.of(bad.toString())))
                .isInstanceOf(OsvFormatException.class)
                .hasMessageContaining("GHSA-bad.json (GHSA-bad) has no 'modified'");
        assertThat(temp.resolve("osv.db")).doesNotExist();
    }

    @Test
    void tellsAnOfflineUserHowToUpdateFromFiles() {
        String unreachable = "http://127.0.0.1:" + freePortWithNothingOnIt() + "/PyPI/all.zip";

        assertThatThrownBy(() -> new DbUpdater(clock, line -> { }).update(temp.resolve("osv.db"), List.of(unreachable)))
                .isInstanceOf(DbException.class)
                .hasMessageContaining("download the OSV exports elsewhere").hasMessageContaining("each all.zip as a source");
    }

    private static int freePortWithNothingOnIt() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
