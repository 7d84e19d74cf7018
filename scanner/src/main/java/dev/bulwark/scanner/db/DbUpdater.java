package dev.bulwark.scanner.db;

import dev.bulwark.net.OutboundHttp;
import dev.bulwark.policy.pkg.Ecosystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds the vulnerability database from its sources: OSV exports over HTTP(S) (fetched again only when
 * their ETag or Last-Modified changed, and checked against the checksum the server sends), or local files,
 * directories and zips for air-gapped sites. The new database replaces the old one in one step.
 */
public final class DbUpdater {

    /** The public OSV exports of the ecosystems Bulwark reads. */
    public static final List<String> DEFAULT_SOURCES = Arrays.stream(Ecosystem.values())
            .flatMap(ecosystem -> ecosystem.osvExports().stream())
            .map(osvName -> "https://osv-vulnerabilities.storage.googleapis.com/" + osvName.replace(" ", "%20") + "/all.zip")
            .toList();

    private final OutboundHttp net = OutboundHttp.fromEnvironment();
    private final HttpClient http = net.client(HttpClient.Redirect.NORMAL);
    private final Clock clock;
    private final Consumer<String> progress;

    public DbUpdater(Clock clock, Consumer<String> progress) {
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * Builds the database at {@code file} from the sources (URLs or local paths).
     *
     * @throws DbException or {@link OsvFormatException} naming the source that failed; the old database stays
     */
    public DbMetadata update(Path file, List<String> sources) {
        Optional<VulnDb> previous = previous(file);
        try (VulnDbBuilder builder = VulnDbBuilder.create(file)) {
            List<DbMetadata.SourceInfo> infos = new ArrayList<>();
            for (String source : sources) {
                infos.add(source.startsWith("http://") || source.startsWith("https://")
                        ? remote(source, builder, previous) : local(source, builder));
            }
            previous.ifPresent(VulnDb::close);
            previous = Optional.empty();
            return builder.finish(infos, clock.instant());
        } finally {
            previous.ifPresent(VulnDb::close);
        }
    }

    /** The database being replaced, to reuse the records of unchanged sources; none when it cannot be read. */
    private Optional<VulnDb> previous(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(VulnDb.open(file));
        } catch (DbException unreadable) {
            progress.accept("the old database cannot be read (" + unreadable.getMessage() + "); building from scratch");
            return Optional.empty();
        }
    }

    private DbMetadata.SourceInfo local(String source, VulnDbBuilder builder) {
        progress.accept("reading " + source);
        long count = OsvFiles.read(Path.of(source), source, builder::add);
        progress.accept("  " + count + " records from " + source);
        return new DbMetadata.SourceInfo(source, count, Optional.empty(), Optional.empty());
    }

    private DbMetadata.SourceInfo remote(String url, VulnDbBuilder builder, Optional<VulnDb> previous) {
        Optional<DbMetadata.SourceInfo> known = previous.flatMap(db -> db.metadata().sources().stream()
                .filter(info -> info.location().equals(url)).findFirst());
        HttpRequest.Builder request = net.request(URI.create(url)).timeout(Duration.ofMinutes(30)).GET();
        known.flatMap(DbMetadata.SourceInfo::etag).ifPresent(etag -> request.header("If-None-Match", etag));
        known.flatMap(DbMetadata.SourceInfo::lastModified).ifPresent(date -> request.header("If-Modified-Since", date));
        progress.accept("fetching " + url);
        HttpResponse<Path> response = send(url, request.build());
        try {
            if (response.statusCode() == 304 && known.isPresent()) {
                long copied = builder.copyFrom(previous.get(), url);
                progress.accept("  unchanged since the last update: kept " + copied + " records");
                return known.get();
            }
            if (response.statusCode() != 200) {
                throw new DbException(url + " answered HTTP " + response.statusCode() + ": check the URL, or use a mirror");
            }
            Checksums.verify(response);
            long count;
            try (InputStream in = Files.newInputStream(response.body())) {
                count = url.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")
                        ? OsvFiles.zip(in, url, url, builder::add) : single(in, url, builder);
            }
            progress.accept("  " + count + " records from " + url);
            return new DbMetadata.SourceInfo(url, count, response.headers().firstValue("ETag"),
                    response.headers().firstValue("Last-Modified"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading what " + url + " sent", e);
        } finally {
            delete(response.body());
        }
    }

    private static long single(InputStream in, String url, VulnDbBuilder builder) throws IOException {
        builder.add(OsvFiles.parse(in.readAllBytes(), url, url));
        return 1;
    }

    private HttpResponse<Path> send(String url, HttpRequest request) {
        try {
            Path temp = Files.createTempFile("bulwark-osv-", ".download",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            HttpResponse<InputStream> response = net.sendIdempotent(http, request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                Files.copy(body, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            return new DownloadedResponse(response, temp);
        } catch (IOException e) {
            throw new DbException("cannot fetch " + url + " (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + "). On a machine without internet access, download the OSV exports elsewhere and"
                    + " build the database from those files (bulwark db update with each all.zip as a source)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbException("interrupted while fetching " + url, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("removing the download " + file, e);
        }
    }
}
