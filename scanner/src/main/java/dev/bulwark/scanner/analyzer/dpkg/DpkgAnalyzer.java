package dev.bulwark.scanner.analyzer.dpkg;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.scanner.analyzer.Analyzer;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.model.Package;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Debian packages: {@code /var/lib/dpkg/status}, and the one-stanza files in {@code /var/lib/dpkg/status.d/}
 * that distroless images carry instead. Keeps the Source package and its version, which the Debian
 * security data is keyed by.
 */
public final class DpkgAnalyzer implements Analyzer {

    private static final String STATUS = "var/lib/dpkg/status";
    private static final String STATUS_D = "var/lib/dpkg/status.d/";
    /** Debian 12 has about 64,000 binary packages in all; a status file listing more is not real. */
    private static final int MAX_PACKAGES = 200_000;
    private static final Set<String> FIELDS = Set.of("Package", "Version", "Status", "Source", "Architecture");

    @Override
    public String name() {
        return "dpkg";
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public boolean wants(String path, long size) {
        return path.equals(STATUS) || (path.startsWith(STATUS_D) && !path.endsWith(".md5sums") && path.indexOf('/', STATUS_D.length()) < 0);
    }

    @Override
    public AnalyzerOutcome analyze(AnalyzerInput input) {
        StatusReader reader = new StatusReader(input.imagePath());
        ControlStanzas.forEach(input.content(), FIELDS, reader);
        return reader.failure.<AnalyzerOutcome>map(reason -> new AnalyzerOutcome.Failed(name(), input.path(), reason))
                .orElseGet(() -> AnalyzerOutcome.Found.packages(reader.packages));
    }

    /** The packages of one file, stanza by stanza; after the first failure it reads nothing more. */
    private static final class StatusReader implements Consumer<Map<String, String>> {
        private final String path;
        private final List<Package> packages = new ArrayList<>();
        private Optional<String> failure = Optional.empty();

        StatusReader(String path) {
            this.path = path;
        }

        @Override
        public void accept(Map<String, String> stanza) {
            if (failure.isPresent()) {
                return;
            }
            String name = stanza.get("Package");
            String version = stanza.get("Version");
            if (name != null && name.isEmpty()) {
                failure = Optional.of("a stanza has an empty Package field");
            } else if (name == null || version == null || version.isEmpty()) {
                if (name != null && isInstalled(stanza)) {
                    failure = Optional.of("package " + name + " has no Version field, or an empty one");
                }
            } else if (isInstalled(stanza)) {
                if (packages.size() == MAX_PACKAGES) {
                    failure = Optional.of("more than " + MAX_PACKAGES + " installed packages, more than any Debian release"
                            + " has: this is not a real dpkg database");
                    packages.clear();
                    return;
                }
                packages.add(toPackage(stanza, name, version, path));
            }
        }
    }

    /** status.d stanzas have no Status; in the status file only unpacked-and-beyond packages have files on disk. */
    private static boolean isInstalled(Map<String, String> stanza) {
        String status = stanza.get("Status");
        if (status == null) {
            return true;
        }
        String state = status.substring(status.lastIndexOf(' ') + 1);
        return !state.equals("not-installed") && !state.equals("config-files");
    }

    private static Package toPackage(Map<String, String> stanza, String name, String version, String path) {
        String sourceName = name;
        String sourceVersion = version;
        String source = stanza.get("Source");
        if (source != null && !source.isBlank()) {
            int paren = source.indexOf('(');
            sourceName = (paren < 0 ? source : source.substring(0, paren)).strip();
            if (paren >= 0 && source.endsWith(")")) {
                sourceVersion = source.substring(paren + 1, source.length() - 1).strip();
            }
        }
        TreeMap<String, String> qualifiers = new TreeMap<>();
        String arch = stanza.get("Architecture");
        if (arch != null && !arch.isBlank()) {
            qualifiers.put("arch", arch);
        }
        Purl purl = new Purl(Ecosystem.DEB.purlType(), "", name, version, qualifiers, "");
        return new Package(Ecosystem.DEB, name, version, purl, sourceName, sourceVersion, "", path);
    }
}
