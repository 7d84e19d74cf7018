package dev.bulwark.scanner.analyzer.os;

import dev.bulwark.scanner.analyzer.Analyzer;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.model.OsRelease;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OS release: {@code /etc/os-release} (or {@code /usr/lib/os-release}, which it often links to), and the
 * distro-specific files older images have instead.
 */
public final class OsReleaseAnalyzer implements Analyzer {

    private static final List<String> FILES = List.of("etc/os-release", "usr/lib/os-release", "etc/alpine-release",
            "etc/redhat-release", "etc/debian_version");
    private static final List<String> USED = List.of("ID", "VERSION_ID", "VERSION_CODENAME", "PRETTY_NAME");
    private static final Pattern REDHAT = Pattern.compile("(.+?) release (\\d+(?:\\.\\d+)*)");

    @Override
    public String name() {
        return "os-release";
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public boolean wants(String path, long size) {
        return FILES.contains(path) && size < 64 * 1024;
    }

    @Override
    public AnalyzerOutcome analyze(AnalyzerInput input) {
        String text = input.text();
        if (text.isBlank()) {
            return new AnalyzerOutcome.Failed(name(), input.path(), "the release file is empty");
        }
        Optional<String> unclosed = unclosedQuote(input.path(), text);
        if (unclosed.isPresent()) {
            return new AnalyzerOutcome.Failed(name(), input.path(), unclosed.get() + " opens a quote that the line does not close: "
                    + "the release file is cut short or malformed");
        }
        Optional<OsRelease> release = switch (input.path()) {
            case "etc/alpine-release" -> Optional.of(new OsRelease("alpine", text.strip(), "", "Alpine Linux " + text.strip()));
            case "etc/debian_version" -> debianVersion(text.strip());
            case "etc/redhat-release" -> redhat(text.strip());
            default -> osRelease(text);
        };
        return release.<AnalyzerOutcome>map(os -> new AnalyzerOutcome.Found(List.of(), Optional.of(os)))
                .orElseGet(() -> new AnalyzerOutcome.Failed(name(), input.path(), "no ID in the release file"));
    }

    private static Optional<OsRelease> osRelease(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
            }
        }
        String id = fields.get("ID");
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OsRelease(id.toLowerCase(Locale.ROOT), fields.get("VERSION_ID"), fields.get("VERSION_CODENAME"),
                fields.get("PRETTY_NAME")));
    }

    /** The first field Bulwark reads from an os-release file whose quoted value is never closed, as written. */
    private static Optional<String> unclosedQuote(String path, String text) {
        if (!path.endsWith("os-release")) {
            return Optional.empty();
        }
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#") && USED.contains(line.substring(0, eq).strip())) {
                String value = line.substring(eq + 1).strip();
                if ((value.startsWith("\"") || value.startsWith("'")) && !(value.length() >= 2 && value.endsWith(value.substring(0, 1)))) {
                    return Optional.of(line.strip());
                }
            }
        }
        return Optional.empty();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'")) && value.endsWith(value.substring(0, 1))) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\$", "$").replace("\\\\", "\\");
        }
        return value;
    }

    private static Optional<OsRelease> debianVersion(String text) {
        String major = text.contains(".") ? text.substring(0, text.indexOf('.')) : text;
        return major.matches("\\d+") ? Optional.of(new OsRelease("debian", major, "", "Debian GNU/Linux " + text)) : Optional.empty();
    }

    private static Optional<OsRelease> redhat(String text) {
        Matcher matcher = REDHAT.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        String id = name.contains("centos") ? "centos" : name.contains("rocky") ? "rocky"
                : name.contains("alma") ? "almalinux" : name.contains("fedora") ? "fedora" : "rhel";
        return Optional.of(new OsRelease(id, matcher.group(2), "", text));
    }
}
