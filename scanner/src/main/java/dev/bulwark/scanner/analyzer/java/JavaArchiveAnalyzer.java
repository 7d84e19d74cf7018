package dev.bulwark.scanner.analyzer.java;

import dev.bulwark.scanner.analyzer.Analyzer;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.model.ScanLimits;
import java.io.IOException;

/**
 * Java archives (jar, war, ear, par, and the jpi/hpi of Jenkins plugins) and the archives nested in them,
 * such as {@code WEB-INF/lib/*.jar} in a war or {@code BOOT-INF/lib/*.jar} in a Spring Boot jar. Each
 * archive is named by:
 * <ol>
 *   <li>its {@code META-INF/maven/<groupId>/<artifactId>/pom.properties}; a shaded jar carries one for each
 *       artifact merged into it, and each is reported, as each may have its own advisories;</li>
 *   <li>without one, the evidence it carries: file name, manifest, the package of its classes (see {@link JarIdentity});
 *       the vulnerability database later completes a group it knows ({@code MavenGroups});</li>
 *   <li>nothing, when none of these gives a version: a package without a version cannot be matched against
 *       advisories, so it is reported as not analysed rather than as a package with a guess (unless it holds
 *       archives: a war or a Spring Boot jar is the application, its libraries are named one by one).</li>
 * </ol>
 * A nested package's path keeps the nesting: {@code /app/app.war!/WEB-INF/lib/x.jar}.
 *
 * <p>A top-level archive that is not a readable zip, or that unpacks to more than the limit (a zip bomb),
 * is {@link AnalyzerOutcome.Failed}. A nested archive that cannot be read, or lies deeper than the nesting
 * limit, is one of the {@link AnalyzerOutcome.Found#problems() problems} of the outcome, beside the packages
 * found in the rest of the archive.
 */
public final class JavaArchiveAnalyzer implements Analyzer {

    /** The default limit on bytes unpacked from one archive and everything in it: far above real applications. */
    public static final long DEFAULT_MAX_INFLATED_BYTES = 1L << 30;

    private final int maxNestingDepth;
    private final long maxInflatedBytes;

    /** An analyzer with the default limits: {@link ScanLimits#DEFAULTS}' nesting depth, and 1 GiB unpacked. */
    public JavaArchiveAnalyzer() {
        this(ScanLimits.DEFAULTS.maxNestingDepth(), DEFAULT_MAX_INFLATED_BYTES);
    }

    /**
     * @param maxNestingDepth  how many archives deep inside the top-level one are read (0: none; a jar in a war
     *                         in an ear is 2 deep)
     * @param maxInflatedBytes how many bytes may be unpacked from one top-level archive and all the archives
     *                         inside it together
     */
    public JavaArchiveAnalyzer(int maxNestingDepth, long maxInflatedBytes) {
        if (maxNestingDepth < 0 || maxInflatedBytes <= 0) {
            throw new IllegalArgumentException("Java archive limits must be positive (the nesting depth may be 0):"
                    + " nesting depth " + maxNestingDepth + ", unpacked bytes " + maxInflatedBytes);
        }
        this.maxNestingDepth = maxNestingDepth;
        this.maxInflatedBytes = maxInflatedBytes;
    }

    @Override
    public String name() {
        return "java-archive";
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public boolean wants(String path, long size) {
        return FileName.isJavaArchive(path);
    }

    @Override
    public AnalyzerOutcome analyze(AnalyzerInput input) {
        if (input.content().length == 0) {
            return new AnalyzerOutcome.NotApplicable(input.imagePath() + " is empty, not a zip archive");
        }
        try {
            return new ArchiveWalk(name(), maxNestingDepth, new InflateBudget(maxInflatedBytes)).walk(input.path(), input.content());
        } catch (IOException e) {
            return new AnalyzerOutcome.Failed(name(), input.path(), ArchiveWalk.notAZip(e));
        } catch (InflateBudget.InflateLimitExceeded e) {
            return new AnalyzerOutcome.Failed(name(), input.path(), "unpacking it and the archives inside it gives more"
                    + " than " + e.limit() + " bytes, the limit for one archive: it may be a zip bomb, so none of it"
                    + " is in the inventory; if it is a genuine application, split it or report it to Bulwark");
        }
    }
}
