package dev.bulwark.scanner.analyzer.python;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.scanner.analyzer.Analyzer;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.model.Package;
import java.util.List;
import java.util.Map;

/**
 * Installed Python distributions, from their core metadata: {@code *.dist-info/METADATA} (wheels, pip),
 * {@code *.egg-info/PKG-INFO} (setuptools), and {@code *.egg-info} files, which Debian ships instead of a folder
 * ({@code /usr/lib/python3/dist-packages/crit-3.17.1-py3.11.egg-info}). Only regular files reach analyzers, so
 * an egg-info folder is read through its PKG-INFO.
 *
 * <p>The package keeps its name as the metadata writes it ({@code PyYAML}); the purl carries the name normalised
 * as PEP 503 and the purl specification ask ({@code pkg:pypi/pyyaml@6.0}), which is how advisories name it.
 */
public final class PythonMetadataAnalyzer implements Analyzer {


    @Override
    public String name() {
        return "python-metadata";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(String path, long size) {
        return path.endsWith(".dist-info/METADATA") || path.endsWith(".egg-info/PKG-INFO") || path.endsWith(".egg-info");
    }

    @Override
    public AnalyzerOutcome analyze(AnalyzerInput input) {
        Map<String, String> headers = CoreMetadata.headers(input.text());
        String file = input.path().substring(input.path().lastIndexOf('/') + 1);
        String distribution = headers.get("name");
        String version = headers.get("version");
        if (distribution == null || distribution.isEmpty()) {
            return new AnalyzerOutcome.Failed(name(), input.path(), missing(file, "Name"));
        }
        if (version == null || version.isEmpty()) {
            return new AnalyzerOutcome.Failed(name(), input.path(), missing(file, "Version"));
        }
        Purl purl = Ecosystem.PYPI.purlOf(distribution, version, Ecosystem.PYPI.purlType());
        return AnalyzerOutcome.Found.packages(List.of(new Package(Ecosystem.PYPI, distribution, version, purl, "", "", "", input.imagePath())));
    }

    private static String missing(String file, String header) {
        return file + " has no \"" + header + ":\" header before its first blank line, where the metadata headers end";
    }
}
