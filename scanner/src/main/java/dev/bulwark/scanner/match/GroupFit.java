package dev.bulwark.scanner.match;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How well a Maven groupId fits what an archive says about itself (its manifest's symbolic name, vendor ID and
 * module name, and the package of its classes).
 */
enum GroupFit {
    /** The group is, segment by segment, the start of one of the clues: {@code org.yaml} for {@code org.yaml.snakeyaml}. */
    STRONG,
    /** A word of the group appears in a clue, or there are no clues: {@code com.h2database} for classes in {@code org.h2}. */
    WEAK,
    /** The clues share no word with the group: the archive is something else of the same name. */
    NONE;

    // Words that say nothing about whose code it is: top-level domains and Java's own.
    private static final Set<String> GENERIC = Set.of("com", "org", "net", "io", "edu", "gov", "de", "fr", "nl", "uk", "ch",
            "be", "pl", "ru", "jp", "cn", "info", "co", "eu", "at", "it", "es", "se", "dk", "fi", "no", "cz", "dev", "app",
            "java", "javax", "jakarta", "api", "impl", "internal", "util", "utils", "core", "common", "commons", "lib");

    static GroupFit of(String group, List<String> clues) {
        if (clues.stream().anyMatch(clue -> startsWithSegments(clue, group))) {
            return STRONG;
        }
        if (clues.isEmpty()) {
            return WEAK;
        }
        List<String> groupWords = words(group);
        List<String> clueWords = clues.stream().flatMap(clue -> words(clue).stream()).toList();
        boolean shared = groupWords.stream().anyMatch(word -> clueWords.stream()
                .anyMatch(clueWord -> clueWord.contains(word) || word.contains(clueWord)));
        return shared ? WEAK : NONE;
    }

    private static boolean startsWithSegments(String clue, String group) {
        return clue.equals(group) || clue.startsWith(group + ".");
    }

    private static List<String> words(String id) {
        return List.of(id.toLowerCase(Locale.ROOT).split("[.\\-_]")).stream()
                .filter(word -> word.length() >= 2 && !GENERIC.contains(word)).toList();
    }
}
