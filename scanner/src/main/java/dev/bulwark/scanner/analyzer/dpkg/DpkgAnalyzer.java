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
import java.util.TreeMap;

/**
 * Debian packages: {@code /var/lib/dpkg/status}, and the one-stanza files in {@code /var/lib/dpkg/status.d/}
 * that distroless images carry instead. Keeps the Source package and its version, which the Debian
 * security data is keyed by.
 */
public final class DpkgAnalyzer implements Analyzer {

    private static final String STATUS = "var/lib/dpkg/status";
    private static final String STATUS_D = "var/lib/dpkg/status.d/";

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
        List<Package> packages = new ArrayList<>();
        for (Map<String, String> stanza : ControlStanzas.parse(input.text())) {
            String name = stanza.get("Package");
            String version = stanza.get("Version");
            if (name != null && name.isEmpty()) {
                return new AnalyzerOutcome.Failed(name(), input.path(), "a stanza has an empty Package field");
            }
            if (name == null || version == null || version.isEmpty()) {
                if (name != null && isInstalled(stanza)) {
                    return new AnalyzerOutcome.Failed(name(), input.path(), "package " + name + " has no Version field, or an empty one");
                }
                continue;
            }
            if (isInstalled(stanza)) {
                packages.add(toPackage(stanza, name, version, input.imagePath()));
            }
        }
        return AnalyzerOutcome.Found.packages(packages);
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
