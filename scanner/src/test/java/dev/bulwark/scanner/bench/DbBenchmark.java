package dev.bulwark.scanner.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.scanner.db.DbUpdater;
import dev.bulwark.scanner.db.OsvRecord;
import dev.bulwark.scanner.db.VulnDb;
import dev.bulwark.scanner.db.VulnDbBuilder;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.match.Matcher;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.scanner.match.Match;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Vulnerability database figures. Not a test: run {@code testing/bench/db.sh}. Prints
 * <ul>
 *   <li>ingest time of the shared corpora next to a Jackson parse of the same files (the floor);</li>
 *   <li>matching time of 10,000 packages against a database of 500,000 generated advisories;</li>
 *   <li>re-matching 1,000 inventories of 500 packages (a fleet's images) against it, together and one by one;</li>
 *   <li>the time to open that database.</li>
 * </ul>
 */
public final class DbBenchmark {

    private static final int ADVISORIES = 500_000;
    private static final int PACKAGES = 10_000;
    private static final int IMAGES = 1_000;
    private static final int IMAGE_PACKAGES = 500;

    private DbBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path corpora = Path.of(args.length > 0 ? args[0] : "../shared/corpora");
        Path work = Files.createTempDirectory("bulwark-db-bench-");
        List<String> sources = List.of(corpora.resolve("osv-pypi/vulns").toString(), corpora.resolve("osv-ghsa/maven").toString(),
                corpora.resolve("osv-ghsa/npm").toString());
        long parse = bestOf(3, () -> parseOnly(sources));
        long ingest = bestOf(3, () -> new DbUpdater(Clock.systemUTC(), line -> { }).update(work.resolve("corpora.db"), sources));
        System.out.printf("ingest of the corpora (%d sources): %8.1f ms; Jackson parse only: %8.1f ms (%.2f x)%n",
                sources.size(), ingest / 1e6, parse / 1e6, (double) ingest / parse);

        Path big = work.resolve("generated.db");
        long build = time(() -> generate(big));
        System.out.printf("building %,d generated advisories: %8.1f ms (%.1f MiB)%n", ADVISORIES, build / 1e6, Files.size(big) / 1048576.0);
        long open = bestOf(5, () -> VulnDb.open(big).close());
        System.out.printf("opening the database: %8.1f ms%n", open / 1e6);
        Inventory inventory = inventory();
        try (VulnDb db = VulnDb.open(big)) {
            Matcher.Result[] found = new Matcher.Result[1];
            long match = bestOf(5, () -> found[0] = new Matcher(db).match(inventory));
            System.out.printf("matching %,d packages against %,d advisories: %8.1f ms (%,d findings, digest %s)%n", PACKAGES,
                    ADVISORIES, match / 1e6, found[0].matches().size(), digest(found[0]));
            List<Inventory> fleet = fleet();
            long[] findings = new long[2];
            long together = bestOf(3, () -> {
                findings[0] = 0;
                new Matcher(db).matchAll(fleet, (index, result) -> findings[0] += result.matches().size());
            });
            long oneByOne = time(() -> {
                findings[1] = 0;
                fleet.forEach(image -> findings[1] += new Matcher(db).match(image).matches().size());
            });
            System.out.printf("re-matching %,d inventories of %,d packages against %,d advisories: %8.1f ms together, %8.1f ms one by"
                    + " one (%,d and %,d findings)%n", IMAGES, IMAGE_PACKAGES, ADVISORIES, together / 1e6, oneByOne / 1e6, findings[0],
                    findings[1]);
        }
        try (Stream<Path> files = Files.list(work)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(work);
    }

    /** A digest of every finding in the order reported, field by field: equal digests, identical findings. */
    private static String digest(Matcher.Result result) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Match match : result.matches()) {
                Finding f = match.finding(); // aliases sorted: an immutable set's order differs from one JVM to the next
                sha.update(String.join("|", f.vulnerabilityId(), new TreeSet<>(f.aliases()).toString(), f.pkg().toString(), f.path(),
                        f.severity().toString(), f.cvssScore().toString(), f.fixedVersion(), f.published().toString(),
                        match.pkg().toString(), match.title(), match.severitySource(), match.references().toString(),
                        match.dataSource(), "\n").getBytes(StandardCharsets.UTF_8));
            }
            sha.update(result.problems().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void parseOnly(List<String> sources) {
        ObjectMapper json = new ObjectMapper();
        ObjectMapper yaml = new YAMLMapper();
        for (String source : sources) {
            try (Stream<Path> files = Files.walk(Path.of(source))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.toString();
                    if (name.endsWith(".json")) {
                        json.readTree(file.toFile());
                    } else if (name.endsWith(".yaml")) {
                        yaml.readTree(file.toFile());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Advisories over 50,000 npm package names, 10 each, with two ranges apiece (the posture benchmark's too). */
    public static void generate(Path file) {
        generate(file, 0);
    }

    /**
     * The same advisories and {@code added} more, as a database update brings them: each affects every version below
     * 1.9.9 of one name, one in ten of them a name the fleet's images share ({@code pkg-0}, {@code pkg-250}, …), the
     * rest names few images hold.
     */
    public static void generate(Path file, int added) {
        Instant modified = Instant.parse("2026-01-01T00:00:00Z");
        try (VulnDbBuilder builder = VulnDbBuilder.create(file)) {
            for (int i = 0; i < added; i++) {
                OsvRecord.Range range = new OsvRecord.Range("SEMVER", List.of(new OsvRecord.Event("introduced", "0"),
                        new OsvRecord.Event("fixed", "1.9.9")));
                OsvRecord.Affected affected = new OsvRecord.Affected("npm", "pkg-" + (i % 10 == 0 ? i * 25 % 50_000 : i * 47 % 50_000 + 1), List.of(range), List.of(), List.of());
                builder.add(new OsvRecord("GHSA-new-" + i, modified, Optional.of(modified), Optional.empty(), List.of("CVE-2027-" + i),
                        List.of(), List.of(), "added advisory " + i, List.of(new OsvRecord.Severity("CVSS_V3",
                        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")), Optional.empty(), List.of(), List.of(affected), "generated"));
            }
            for (int i = 0; i < ADVISORIES; i++) {
                int minor = i % 10;
                OsvRecord.Range range = new OsvRecord.Range("SEMVER", List.of(new OsvRecord.Event("introduced", "1." + minor + ".0"),
                        new OsvRecord.Event("fixed", "1." + minor + ".5"), new OsvRecord.Event("introduced", "2.0.0"),
                        new OsvRecord.Event("last_affected", "2.0.3")));
                OsvRecord.Affected affected = new OsvRecord.Affected("npm", "pkg-" + (i % 50_000), List.of(range), List.of(), List.of());
                builder.add(new OsvRecord("GHSA-gen-" + i, modified, Optional.of(modified), Optional.empty(), List.of("CVE-2026-" + i), List.of(), List.of(),
                        "generated advisory " + i, List.of(new OsvRecord.Severity("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N")),
                        Optional.empty(), List.of(), List.of(affected), "generated"));
            }
            builder.finish(List.of(), modified);
        }
    }

    /**
     * A fleet's images: each holds 400 packages of a shared pool of 2,000 (base images and common libraries, at
     * the same versions) from a random place in it, and 100 of the 50,000 names at random versions; seeded.
     */
    public static List<Inventory> fleet() {
        Random random = new Random(42);
        List<Package> common = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            common.add(npm("pkg-" + i * 25, "1." + i % 10 + "." + i % 7));
        }
        List<Inventory> images = new ArrayList<>();
        for (int image = 0; image < IMAGES; image++) {
            List<Package> packages = new ArrayList<>();
            int from = random.nextInt(common.size());
            for (int i = 0; i < IMAGE_PACKAGES - 100; i++) {
                packages.add(common.get((from + i) % common.size()));
            }
            for (int i = 0; i < 100; i++) {
                packages.add(npm("pkg-" + random.nextInt(50_000), "1." + random.nextInt(10) + "." + random.nextInt(7)));
            }
            images.add(new Inventory(Optional.empty(), packages, List.of()));
        }
        return images;
    }

    private static Package npm(String name, String version) {
        return new Package(Ecosystem.NPM, name, version, Purl.of("npm", "", name, version), "", "", "", "/app");
    }

    private static Inventory inventory() {
        List<Package> packages = new ArrayList<>();
        for (int i = 0; i < PACKAGES; i++) {
            String version = "1." + (i % 10) + "." + (i % 7);
            packages.add(new Package(Ecosystem.NPM, "pkg-" + i, version, Purl.of("npm", "", "pkg-" + i, version), "", "", "", "/app"));
        }
        return new Inventory(Optional.empty(), packages, List.of());
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static long bestOf(int rounds, Runnable work) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            best = Math.min(best, time(work));
        }
        return best;
    }
}
