package dev.bulwark.scanner.analyzer.apk;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.scanner.analyzer.Analyzer;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.model.Package;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Alpine packages: {@code /lib/apk/db/installed}, one record per package, with its origin (source) package. */
public final class ApkAnalyzer implements Analyzer {

    private static final String INSTALLED = "lib/apk/db/installed";

    @Override
    public String name() {
        return "apk";
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public boolean wants(String path, long size) {
        return path.equals(INSTALLED);
    }

    @Override
    public AnalyzerOutcome analyze(AnalyzerInput input) {
        List<Package> packages = new ArrayList<>();
        Map<Character, String> record = new HashMap<>();
        for (String line : (input.text() + "\n\n").split("\n", -1)) {
            if (line.isBlank()) {
                if (!record.isEmpty()) {
                    if (record.getOrDefault('P', "").isBlank()) {
                        return new AnalyzerOutcome.Failed(name(), input.path(), "a record has no P: (name) line, or an empty one");
                    }
                    if (record.getOrDefault('V', "").isBlank()) {
                        return new AnalyzerOutcome.Failed(name(), input.path(), "package " + record.get('P') + " has no V: (version) line, or an empty one");
                    }
                    packages.add(toPackage(record, input.imagePath()));
                    record = new HashMap<>();
                }
            } else if (line.length() >= 2 && line.charAt(1) == ':') {
                record.putIfAbsent(line.charAt(0), line.substring(2));
            }
        }
        return AnalyzerOutcome.Found.packages(packages);
    }

    private static Package toPackage(Map<Character, String> record, String path) {
        String name = record.get('P');
        String version = record.get('V');
        TreeMap<String, String> qualifiers = new TreeMap<>();
        if (record.containsKey('A')) {
            qualifiers.put("arch", record.get('A'));
        }
        String origin = record.getOrDefault('o', name);
        return new Package(Ecosystem.APK, name, version, new Purl(Ecosystem.APK.purlType(), "", name, version, qualifiers, ""), origin, version, "", path);
    }
}
