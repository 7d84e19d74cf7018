package dev.bulwark.scanner.analyzer.golang;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.InvalidPurlException;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.scanner.analyzer.Analyzer;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.model.ScanLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go binaries (ELF, 32- or 64-bit, either byte order): the modules recorded in their build info, and the Go
 * standard library as the package {@code stdlib} at the toolchain's version, which Go's own vulnerabilities are
 * reported against.
 *
 * <p>Only a file's path and size are known before it is read, so the analyzer asks for files where executables
 * live: any file in a {@code bin} or {@code sbin} directory, and files without an extension at the image root or
 * under {@code app}, {@code opt}, {@code srv}, {@code home}, {@code root}, {@code go}, {@code ko-app},
 * {@code usr/local} or {@code usr/libexec}; of 1 KiB up to the scan's file limit. Anything that is not an ELF
 * file with Go build info is {@link AnalyzerOutcome.NotApplicable}.
 */
public final class GoBinaryAnalyzer implements Analyzer {

    private static final long MIN_BYTES = 1024;
    private static final Set<String> BINARY_DIRECTORIES = Set.of("bin", "sbin");
    private static final List<String> APPLICATION_TREES = List.of("app/", "opt/", "srv/", "home/", "root/", "go/",
            "ko-app/", "usr/local/", "usr/libexec/");
    private static final Pattern GO_RELEASE = Pattern.compile("go(\\d[^\\s]*)(?:\\s.*)?", Pattern.DOTALL);

    private final long maxBytes;

    /** An analyzer that asks for files up to the default scan's file limit. */
    public GoBinaryAnalyzer() {
        this(ScanLimits.DEFAULTS.maxFileBytes());
    }

    /** An analyzer that asks for files up to {@code maxBytes}: the scan's file limit. */
    public GoBinaryAnalyzer(long maxBytes) {
        if (maxBytes < MIN_BYTES) {
            throw new IllegalArgumentException("the largest Go binary to read must be at least " + MIN_BYTES + " bytes, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public String name() {
        return "go-binary";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(String path, long size) {
        if (size < MIN_BYTES || size > maxBytes) {
            return false;
        }
        int slash = path.lastIndexOf('/');
        String fileName = path.substring(slash + 1);
        String directory = slash < 0 ? "" : path.substring(0, slash);
        if (BINARY_DIRECTORIES.contains(directory.substring(directory.lastIndexOf('/') + 1))) {
            return true;
        }
        boolean noExtension = fileName.indexOf('.') < 0;
        return noExtension && (directory.isEmpty() || APPLICATION_TREES.stream().anyMatch(path::startsWith));
    }

    @Override
    public AnalyzerOutcome analyze(AnalyzerInput input) {
        if (!ElfFile.looksLikeElf(input.content())) {
            return new AnalyzerOutcome.NotApplicable("not an ELF file");
        }
        try {
            Optional<RawBuildInfo> raw = BuildInfoReader.read(ElfFile.parse(input.content()));
            if (raw.isEmpty()) {
                return new AnalyzerOutcome.NotApplicable("an ELF file without Go build info");
            }
            ModuleInfo modules = ModuleInfo.parse(raw.get().moduleInfo());
            return AnalyzerOutcome.Found.packages(packages(raw.get().goVersion(), modules, input.imagePath()));
        } catch (GoBinaryException e) {
            return new AnalyzerOutcome.Failed(name(), input.path(), e.getMessage());
        } catch (InvalidPurlException e) {
            return new AnalyzerOutcome.Failed(name(), input.path(), "the Go build info names a module that is not a valid"
                    + " module path (" + e.getMessage() + "): the binary is corrupt or was tampered with");
        }
    }

    private static List<Package> packages(String goVersion, ModuleInfo modules, String path) {
        List<Package> packages = new ArrayList<>();
        standardLibraryVersion(goVersion).ifPresent(version ->
                packages.add(new Package(Ecosystem.GOLANG, "stdlib", version, Purl.of(Ecosystem.GOLANG.purlType(), "", "stdlib", version), "", "", "", path)));
        modules.mainModule().map(GoModule::inBinary).filter(main -> !main.version().equals("(devel)"))
                .ifPresent(main -> packages.add(toPackage(main, path)));
        modules.dependencies().forEach(dependency -> packages.add(toPackage(dependency.inBinary(), path)));
        return packages;
    }

    /**
     * {@code go1.19.8}, perhaps followed by experiment flags ({@code go1.21.0 X:boringcrypto}), is {@code v1.19.8};
     * a development toolchain ({@code devel go1.22-1f0c044}) has no release to report.
     */
    static Optional<String> standardLibraryVersion(String goVersion) {
        Matcher release = GO_RELEASE.matcher(goVersion);
        return release.matches() ? Optional.of("v" + release.group(1)) : Optional.empty();
    }

    private static Package toPackage(GoModule module, String path) {
        String modulePath = module.path();
        int slash = modulePath.lastIndexOf('/');
        String namespace = slash < 0 ? "" : modulePath.substring(0, slash);
        Purl purl = Purl.of(Ecosystem.GOLANG.purlType(), namespace, modulePath.substring(slash + 1), module.version());
        return new Package(Ecosystem.GOLANG, modulePath, module.version(), purl, "", "", "", path);
    }
}
