package dev.bulwark.scanner.bench;

import dev.bulwark.policy.version.VersionSchemes;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.analyzer.java.JavaArchiveAnalyzer;
import dev.bulwark.scanner.db.DbUpdater;
import dev.bulwark.scanner.db.VulnDb;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.match.MavenGroups;
import dev.bulwark.scanner.model.Package;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * How well Java archives are named without pom.properties. Not a test: run {@code testing/bench/jars.sh}. Takes
 * every jar under a directory (default: the local Maven repository) that has exactly one pom.properties, which is
 * the truth; strips {@code META-INF/maven/} in memory; names the rest as a scan would, under its own file name
 * and renamed to {@code app.jar}, from its own evidence alone (as {@code bulwark sbom} without a database) and
 * then with the names of a vulnerability database (the corpus's GitHub advisories for Maven); and prints how many came out exactly right, right but
 * without a group, wrong (an invented coordinate), or not identified.
 */
public final class JarIdentificationBenchmark {

    private static final int WRONG_SHOWN = 40;

    private enum Result { EXACT, NO_GROUP, WRONG, NOT_IDENTIFIED }

    private record Truth(String group, String artifact, String version) {
    }

    private JarIdentificationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path jars = Path.of(args.length > 0 ? args[0] : System.getProperty("user.home") + "/.m2/repository");
        Path corpora = Path.of(args.length > 1 ? args[1] : "../shared/corpora");
        Path dbFile = Files.createTempDirectory("bulwark-jars").resolve("vulns.db");
        new DbUpdater(Clock.systemUTC(), line -> { }).update(dbFile, List.of(corpora.resolve("osv-ghsa/maven").toString()));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(jars)) {
            files = walk.filter(path -> path.toString().endsWith(".jar")).sorted().toList();
        }
        JavaArchiveAnalyzer analyzer = new JavaArchiveAnalyzer();
        Map<String, Map<Result, Integer>> tallies = new java.util.LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        int measured = 0;
        try (VulnDb db = VulnDb.open(dbFile)) {
            MavenGroups groups = MavenGroups.of(db);
            for (Path file : files) {
                byte[] jar = Files.readAllBytes(file);
                Optional<Truth> truth = truth(jar);
                // A jar whose one pom.properties is not its own (a shaded dependency) has no truth to measure against.
                if (truth.isEmpty() || !file.getFileName().toString().startsWith(truth.get().artifact() + "-" + truth.get().version())) {
                    continue;
                }
                measured++;
                byte[] stripped = strip(jar);
                for (String name : List.of(file.getFileName().toString(), "app.jar")) {
                    Inventory found = new Inventory(Optional.empty(), analyze(analyzer, "lib/" + name, stripped), List.of());
                    List<Package> own = MavenGroups.withoutDatabase().complete(found).packages();
                    List<Package> completed = groups.complete(found).packages();
                    tally(tallies, (name.equals("app.jar") ? "renamed app.jar, " : "own file name, ") + "own evidence", own,
                            truth.get(), file, wrong);
                    tally(tallies, (name.equals("app.jar") ? "renamed app.jar, " : "own file name, ") + "with the database",
                            completed, truth.get(), file, wrong);
                }
            }
        }
        System.out.printf("%d jars with one pom.properties under %s, stripped of it%n", measured, jars);
        System.out.printf("%-40s %8s %8s %8s %8s%n", "", "exact", "no group", "WRONG", "unnamed");
        tallies.forEach((label, counts) -> System.out.printf("%-40s %8d %8d %8d %8d%n", label, counts.getOrDefault(Result.EXACT, 0),
                counts.getOrDefault(Result.NO_GROUP, 0), counts.getOrDefault(Result.WRONG, 0),
                counts.getOrDefault(Result.NOT_IDENTIFIED, 0)));
        for (String label : tallies.keySet()) {
            List<String> ofLabel = wrong.stream().filter(line -> line.startsWith(label + ": ")).toList();
            ofLabel.stream().limit(WRONG_SHOWN).forEach(line -> System.out.println("  wrong, " + line));
            if (ofLabel.size() > WRONG_SHOWN) {
                System.out.println("  wrong, " + label + ": " + (ofLabel.size() - WRONG_SHOWN) + " more");
            }
        }
    }

    private static void tally(Map<String, Map<Result, Integer>> tallies, String label, List<Package> packages, Truth truth,
                              Path file, List<String> wrong) {
        Result result = judge(packages, truth);
        tallies.computeIfAbsent(label, key -> new EnumMap<>(Result.class)).merge(result, 1, Integer::sum);
        if (result == Result.WRONG) {
            wrong.add(label + ": " + file.getFileName() + " named " + packages.get(0).purl() + ", truly "
                    + truth.group() + ":" + truth.artifact() + "@" + truth.version());
        }
    }

    private static Result judge(List<Package> packages, Truth truth) {
        if (packages.isEmpty()) {
            return Result.NOT_IDENTIFIED;
        }
        Package pkg = packages.get(0);
        boolean versionRight = VersionSchemes.MAVEN.compare(pkg.version(), truth.version()) == 0;
        if (!pkg.purl().name().equals(truth.artifact()) || !versionRight) {
            return Result.WRONG;
        }
        if (pkg.purl().namespace().isEmpty()) {
            return Result.NO_GROUP;
        }
        return pkg.purl().namespace().equals(truth.group()) ? Result.EXACT : Result.WRONG;
    }

    private static List<Package> analyze(JavaArchiveAnalyzer analyzer, String path, byte[] jar) {
        AnalyzerOutcome outcome = analyzer.analyze(new AnalyzerInput(path, jar));
        return outcome.match(found -> found.packages().stream().filter(pkg -> !pkg.path().contains("!/")).toList(),
                notApplicable -> List.of(), failed -> List.of());
    }

    private static Optional<Truth> truth(byte[] jar) throws IOException {
        List<Truth> found = new ArrayList<>();
        boolean nested = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                nested |= entry.getName().endsWith(".jar");
                if (entry.getName().matches("META-INF/maven/[^/]+/[^/]+/pom\\.properties")) {
                    Properties properties = new Properties();
                    properties.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
                    found.add(new Truth(properties.getProperty("groupId", ""), properties.getProperty("artifactId", ""),
                            properties.getProperty("version", "")));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return found.size() == 1 && !nested ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static byte[] strip(byte[] jar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar)); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.getName().startsWith("META-INF/maven/")) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }
}
