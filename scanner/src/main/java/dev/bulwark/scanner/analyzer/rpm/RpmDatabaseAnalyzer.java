package dev.bulwark.scanner.analyzer.rpm;

import dev.bulwark.scanner.analyzer.Analyzer;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.model.Package;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * rpm packages (Red Hat, Fedora, CentOS, Rocky, Alma, Amazon Linux, openSUSE, …) from the rpm database. The
 * sqlite database of rpm 4.16+ ({@code rpmdb.sqlite}: Fedora 33+, RHEL 9+) is read; the BerkeleyDB
 * ({@code Packages}: RHEL 8 and older, SLES 15) and NDB ({@code Packages.db}: openSUSE) databases are not, and are
 * reported as {@link AnalyzerOutcome.Failed}, so that an image whose packages went uncounted is never called clean.
 */
public final class RpmDatabaseAnalyzer implements Analyzer {

    static final String BERKELEY_DB_REASON =
            "rpm database in BerkeleyDB format is not readable by Bulwark; the image's rpm packages are not inventoried";
    static final String NDB_REASON =
            "rpm database in NDB format is not readable by Bulwark; the image's rpm packages are not inventoried";

    private static final Set<String> DIRECTORIES = Set.of("var/lib/rpm/", "usr/lib/sysimage/rpm/");
    private static final Set<String> FILES = Set.of("rpmdb.sqlite", "Packages", "Packages.db");

    @Override
    public String name() {
        return "rpm";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(String path, long size) {
        int slash = path.lastIndexOf('/') + 1;
        return DIRECTORIES.contains(path.substring(0, slash)) && FILES.contains(path.substring(slash));
    }

    @Override
    public AnalyzerOutcome analyze(AnalyzerInput input) {
        return switch (RpmDatabaseFormat.of(input.content())) {
            case SQLITE -> readSqlite(input);
            case BERKELEY_DB -> new AnalyzerOutcome.Failed(name(), input.path(), BERKELEY_DB_REASON);
            case NDB -> new AnalyzerOutcome.Failed(name(), input.path(), NDB_REASON);
            case UNKNOWN -> new AnalyzerOutcome.Failed(name(), input.path(), "rpm database " + input.imagePath()
                    + " is in no format Bulwark knows (not SQLite, BerkeleyDB or NDB); the image's rpm packages are not inventoried");
        };
    }

    private AnalyzerOutcome readSqlite(AnalyzerInput input) {
        try {
            List<Package> packages = SqliteRpmDatabase.readHeaders(input.content(), (hnum, blob) -> toPackage(hnum, blob, input))
                    .stream().flatMap(Optional::stream).toList();
            return AnalyzerOutcome.Found.packages(packages);
        } catch (RpmDatabaseException e) {
            return new AnalyzerOutcome.Failed(name(), input.path(), "rpm database " + input.imagePath()
                    + " cannot be read, so the image's rpm packages are not inventoried: " + e.getMessage());
        }
    }

    private static Optional<Package> toPackage(long hnum, byte[] blob, AnalyzerInput input) {
        try {
            InstalledRpm rpm = InstalledRpm.from(RpmHeader.parse(Objects.requireNonNullElse(blob, new byte[0])));
            return rpm.isPublicKey() ? Optional.empty() : Optional.of(rpm.toPackage(input.imagePath()));
        } catch (RpmDatabaseException e) {
            throw new RpmDatabaseException("the package with hnum " + hnum + " is unreadable: " + e.getMessage(), e);
        }
    }
}
