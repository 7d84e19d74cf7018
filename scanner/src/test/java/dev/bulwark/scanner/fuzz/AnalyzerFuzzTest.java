package dev.bulwark.scanner.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.scanner.analyzer.Analyzer;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.apk.ApkAnalyzer;
import dev.bulwark.scanner.analyzer.dpkg.DpkgAnalyzer;
import dev.bulwark.scanner.analyzer.golang.GoBinaryAnalyzer;
import dev.bulwark.scanner.analyzer.java.JavaArchiveAnalyzer;
import dev.bulwark.scanner.analyzer.npm.NpmPackageJsonAnalyzer;
import dev.bulwark.scanner.analyzer.npm.PackageLockAnalyzer;
import dev.bulwark.scanner.analyzer.npm.YarnLockAnalyzer;
import dev.bulwark.scanner.analyzer.os.OsReleaseAnalyzer;
import dev.bulwark.scanner.analyzer.python.PythonMetadataAnalyzer;
import dev.bulwark.scanner.analyzer.rpm.RpmDatabaseAnalyzer;
import java.util.Arrays;

/**
 * The text and archive analyzers fed bytes a fuzzer makes, at a path it reads: an analyzer never throws for bad content (its
 * contract: a bad file is a {@code Failed} outcome), so any exception, hang or out-of-memory is a finding. Without
 * {@code JAZZER_FUZZ} this runs the seeds only; {@code testing/fuzz/run.sh} fuzzes each target for a while.
 */
class AnalyzerFuzzTest {

    private static final String FOR = "5s";

    /** Reads the bytes as the file at {@code path}; a file of a size the analyzer leaves alone is not read. */
    private static void neverThrows(Analyzer analyzer, String path, byte[] bytes) {
        if (analyzer.wants(path, bytes.length)) {
            assertThat(analyzer.analyze(new AnalyzerInput(path, bytes))).isNotNull();
        }
    }

    @FuzzTest(maxDuration = FOR)
    void dpkgStatus(byte[] bytes) {
        neverThrows(new DpkgAnalyzer(), "var/lib/dpkg/status", bytes);
    }

    @FuzzTest(maxDuration = FOR)
    void apkInstalled(byte[] bytes) {
        neverThrows(new ApkAnalyzer(), "lib/apk/db/installed", bytes);
    }

    @FuzzTest(maxDuration = FOR)
    void pythonMetadata(byte[] bytes) {
        neverThrows(new PythonMetadataAnalyzer(), "usr/lib/python3/dist-packages/fuzzed-1.0.dist-info/METADATA", bytes);
    }

    @FuzzTest(maxDuration = FOR)
    void npmPackageJson(byte[] bytes) {
        neverThrows(new NpmPackageJsonAnalyzer(), "app/node_modules/fuzzed/package.json", bytes);
    }

    @FuzzTest(maxDuration = FOR)
    void npmPackageLock(byte[] bytes) {
        neverThrows(new PackageLockAnalyzer(), "app/package-lock.json", bytes);
    }

    @FuzzTest(maxDuration = FOR)
    void yarnLock(byte[] bytes) {
        neverThrows(new YarnLockAnalyzer(), "app/yarn.lock", bytes);
    }

    @FuzzTest(maxDuration = FOR)
    void javaArchive(byte[] bytes) {
        neverThrows(new JavaArchiveAnalyzer(), "app/lib/fuzzed.jar", bytes);
    }

    @FuzzTest(maxDuration = FOR)
    void rpmDatabase(byte[] bytes) {
        neverThrows(new RpmDatabaseAnalyzer(), "var/lib/rpm/rpmdb.sqlite", bytes);
    }

    /** Padded to the size below which the analyzer leaves a file alone, as the tail of a binary would be. */
    @FuzzTest(maxDuration = FOR)
    void goBinary(byte[] bytes) {
        neverThrows(new GoBinaryAnalyzer(), "usr/local/bin/app", Arrays.copyOf(bytes, Math.max(bytes.length, 1024)));
    }

    @FuzzTest(maxDuration = FOR)
    void osRelease(byte[] bytes) {
        neverThrows(new OsReleaseAnalyzer(), "etc/os-release", bytes);
    }
}
