package dev.bulwark.scanner.analyzer.java;

import static dev.bulwark.scanner.analyzer.java.TestArchives.fixture;
import static dev.bulwark.scanner.analyzer.java.TestArchives.zip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome.Found;
import dev.bulwark.scanner.model.Package;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Java archives an attacker could put in an image: entries named to climb out of the archive, archives nested
 * twenty deep, a million entries. Each is read in memory without writing anything, to its limits, and what can
 * be named is named.
 */
class HostileArchiveTest {

    private static final byte[] SLF4J = fixture("happy/slf4j-api-2.0.17.jar");

    private final JavaArchiveAnalyzer analyzer = new JavaArchiveAnalyzer();

    @Test
    void namesTheLibrariesOfEntriesThatClimbOutOfTheArchiveWithoutWritingThem() {
        Path escape = Path.of("/tmp/bulwark-zip-slip");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("../../../../../../tmp/bulwark-zip-slip/evil.jar", SLF4J);
        entries.put("/etc/bulwark-zip-slip.jar", SLF4J);
        entries.put("WEB-INF/lib/../../../../tmp/bulwark-zip-slip/again.jar", SLF4J);

        Found found = found(analyzer.analyze(new AnalyzerInput("srv/app.war", zip(entries))));

        assertThat(found.packages()).extracting(Package::name).containsOnly("org.slf4j:slf4j-api");
        assertThat(found.packages()).extracting(Package::path).allMatch(path -> path.startsWith("/srv/app.war!/"))
                .contains("/srv/app.war!/etc/bulwark-zip-slip.jar");
        assertThat(escape).doesNotExist();
        assertThat(Path.of("/etc/bulwark-zip-slip.jar")).doesNotExist();
    }

    @Test
    void namesTheArchivesOfAChainTwentyDeepUpToTheNestingLimitAndReportsTheRest() {
        byte[] archive = level(20, new byte[0]);
        for (int level = 19; level >= 1; level--) {
            archive = level(level, archive);
        }

        Found found = found(analyzer.analyze(new AnalyzerInput("app.jar", archive)));

        assertThat(found.packages()).extracting(Package::name)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 9).mapToObj(level -> "deep:level" + level).toList());
        assertThat(found.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).startsWith("app.jar!/lib/level2.jar!/").endsWith("!/lib/level10.jar");
            assertThat(problem.reason()).contains("nested 9 archives deep", "limit of 8");
        });
    }

    @Test
    void refusesToOpenAnArchiveListingAMillionEntriesAndSaysWhy() {
        byte[] huge = millionEntryJar();

        AnalyzerOutcome outcome = analyzer.analyze(new AnalyzerInput("huge.jar", huge));

        assertThat(outcome).isEqualTo(new AnalyzerOutcome.Failed("java-archive", "huge.jar", "not read: it lists 1000001 entries,"
                + " more than the 500000 of the largest real archives, so the packages in it are missing from the inventory"));
    }

    @Test
    void opensAnArchiveOfAHundredThousandEntries() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 << 20);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("META-INF/maven/big/big/pom.properties"));
            zip.write(pom("big", "big"));
            for (int i = 0; i < 100_000; i++) {
                zip.putNextEntry(new ZipEntry("p" + (i % 5_000) + "/C" + i + ".class"));
            }
        }

        assertThat(found(analyzer.analyze(new AnalyzerInput("big.jar", bytes.toByteArray()))).packages())
                .extracting(Package::name).containsExactly("big:big");
    }

    /**
     * A zip64 archive (more than 65,535 entries) of a pom.properties and a million empty class files, written field
     * by field into one array of its exact size: a zip stream would hold a million entry objects besides the bytes.
     */
    private static byte[] millionEntryJar() {
        int count = 1_000_001;
        List<byte[]> names = new ArrayList<>(count);
        names.add("META-INF/maven/huge/huge/pom.properties".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < count - 1; i++) {
            names.add(("p" + (i % 50_000) + "/C" + i + ".class").getBytes(StandardCharsets.US_ASCII));
        }
        byte[] pom = pom("huge", "huge");
        long namesLength = names.stream().mapToLong(name -> name.length).sum();
        long size = 30L * count + namesLength + pom.length + 46L * count + namesLength + 56 + 20 + 22;
        ByteBuffer zip = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        int[] offsets = new int[count];
        CRC32 crc = new CRC32();
        crc.update(pom);
        for (int i = 0; i < count; i++) {
            offsets[i] = zip.position();
            int length = i == 0 ? pom.length : 0;
            zip.putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) 0).putInt(0)
                    .putInt(i == 0 ? (int) crc.getValue() : 0).putInt(length).putInt(length)
                    .putShort((short) names.get(i).length).putShort((short) 0).put(names.get(i));
            if (i == 0) {
                zip.put(pom);
            }
        }
        int directory = zip.position();
        for (int i = 0; i < count; i++) {
            int length = i == 0 ? pom.length : 0;
            zip.putInt(0x02014b50).putShort((short) 45).putShort((short) 10).putShort((short) 0).putShort((short) 0).putInt(0)
                    .putInt(i == 0 ? (int) crc.getValue() : 0).putInt(length).putInt(length)
                    .putShort((short) names.get(i).length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt(offsets[i]).put(names.get(i));
        }
        int zip64End = zip.position();
        zip.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                .putLong(count).putLong(count).putLong(zip64End - directory).putLong(directory);
        zip.putInt(0x07064b50).putInt(0).putLong(zip64End).putInt(1);
        zip.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 0xffff).putShort((short) 0xffff)
                .putInt(zip64End - directory).putInt(directory).putShort((short) 0);
        return zip.array();
    }

    /** An archive with its own pom.properties and, unless {@code inner} is empty, the next level in {@code lib/}. */
    private static byte[] level(int level, byte[] inner) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/maven/deep/level" + level + "/pom.properties", pom("deep", "level" + level));
        if (inner.length > 0) {
            entries.put("lib/level" + (level + 1) + ".jar", inner);
        }
        return zip(entries);
    }

    private static byte[] pom(String group, String artifact) {
        return ("groupId=" + group + "\nartifactId=" + artifact + "\nversion=1.0\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Found found(AnalyzerOutcome outcome) {
        assertThat(outcome).isInstanceOf(Found.class);
        return (Found) outcome;
    }

}
