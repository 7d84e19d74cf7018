package dev.bulwark.scanner.analyzer.npm;

import java.util.ArrayList;
import java.util.List;

/**
 * The classic yarn.lock (Yarn 1), a format of its own: an unindented header lists the specifiers an entry
 * satisfies, its indented fields follow.
 *
 * <pre>
 * ansi-regex@^5.0.0, ansi-regex@^5.0.1:
 *   version "5.0.1"
 *   resolved "https://registry.yarnpkg.com/ansi-regex/-/ansi-regex-5.0.1.tgz#…"
 *   dependencies:
 *     foo "^1.0.0"
 * </pre>
 */
final class YarnClassicLock {

    private static final String VERSION_FIELD = "  version ";

    private YarnClassicLock() {
    }

    /** The name and version of each entry; an alias entry ({@code "lodash4@npm:lodash@4.17.21"}) as the real package. */
    static List<NpmCoordinates> read(String text) {
        List<NpmCoordinates> locked = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        Entry entry = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNumber = i + 1;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!line.startsWith(" ")) {
                finish(entry, locked);
                entry = Entry.start(line, lineNumber);
            } else if (entry == null) {
                throw new MalformedNpmFileException("yarn.lock line " + lineNumber + " is indented but belongs to no entry");
            } else if (line.startsWith(VERSION_FIELD)) {
                entry = entry.withVersion(unquote(line.substring(VERSION_FIELD.length()).strip()));
            }
        }
        finish(entry, locked);
        return locked;
    }

    private static void finish(Entry entry, List<NpmCoordinates> locked) {
        if (entry == null) {
            return;
        }
        if (entry.version() == null || entry.version().isEmpty()) {
            throw new MalformedNpmFileException("yarn.lock entry \"" + entry.header() + "\" at line " + entry.line()
                    + " has no version");
        }
        NpmCoordinates requested = entry.firstSpecifier().withoutAlias();
        if (requested.fromRegistry()) {
            locked.add(new NpmCoordinates(requested.name(), entry.version()));
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** An entry being read: its header, where it starts, and its version once seen. */
    private record Entry(String header, int line, String version) {

        static Entry start(String line, int lineNumber) {
            String header = line.strip();
            if (!header.endsWith(":") || header.length() == 1) {
                throw new MalformedNpmFileException("yarn.lock line " + lineNumber + " is neither an entry header"
                        + " (name@range:) nor an indented field: " + abbreviate(header));
            }
            return new Entry(header.substring(0, header.length() - 1), lineNumber, null);
        }

        Entry withVersion(String newVersion) {
            return new Entry(header, line, newVersion);
        }

        /** The first of the header's specifiers: all of them name the same package. */
        NpmCoordinates firstSpecifier() {
            String first = unquote(header.split(",", 2)[0].strip());
            return NpmCoordinates.parse(first).orElseThrow(() -> new MalformedNpmFileException("yarn.lock entry \"" + header
                    + "\" at line " + line + " does not start with name@range"));
        }

        private static String abbreviate(String text) {
            return text.length() <= 80 ? text : text.substring(0, 80) + "…";
        }
    }
}
