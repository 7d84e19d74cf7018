package dev.bulwark.scanner.analyzer.dpkg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Debian control-file syntax: stanzas separated by blank lines, {@code Field: value}, continuation lines. */
final class ControlStanzas {

    private ControlStanzas() {
    }

    static List<Map<String, String>> parse(String text) {
        List<Map<String, String>> stanzas = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String lastField = null;
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    stanzas.add(current);
                    current = new LinkedHashMap<>();
                }
                lastField = null;
            } else if ((line.startsWith(" ") || line.startsWith("\t")) && lastField != null) {
                current.merge(lastField, "\n" + line.strip(), String::concat);
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    lastField = line.substring(0, colon);
                    current.put(lastField, line.substring(colon + 1).strip());
                }
            }
        }
        if (!current.isEmpty()) {
            stanzas.add(current);
        }
        return stanzas;
    }
}
