package dev.bulwark.scanner.analyzer;

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
import java.util.List;
import java.util.stream.Collectors;

/** Every analyzer Bulwark runs, in one explicit list. A new file format is one class and one line here. */
public final class Analyzers {

    private Analyzers() {
    }

    public static List<Analyzer> all() {
        return List.of(
                new OsReleaseAnalyzer(),
                new DpkgAnalyzer(),
                new ApkAnalyzer(),
                new RpmDatabaseAnalyzer(),
                new JavaArchiveAnalyzer(),
                new NpmPackageJsonAnalyzer(),
                new PackageLockAnalyzer(),
                new YarnLockAnalyzer(),
                new PythonMetadataAnalyzer(),
                new GoBinaryAnalyzer());
    }

    /** A key that changes whenever any analyzer's output may change: part of the layer cache key. */
    public static String versionKey(List<Analyzer> analyzers) {
        return analyzers.stream().map(a -> a.name() + ":" + a.version()).sorted().collect(Collectors.joining(","));
    }
}
