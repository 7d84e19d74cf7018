package dev.bulwark.scanner.analyzer.java;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Java packages an archive's classes are in, read from entry names alone (no class is unpacked). Classes of
 * the application in a war ({@code WEB-INF/classes/}) or a Spring Boot jar ({@code BOOT-INF/classes/}) and
 * multi-release classes ({@code META-INF/versions/N/}) count under their real package. Filled while an archive
 * is walked, then read.
 */
final class ClassPackages {

    // A hostile archive can name millions of packages; real ones have a few thousand at most.
    private static final int MAX_PACKAGES = 20_000;
    private static final String[] CLASS_ROOTS = {"WEB-INF/classes/", "BOOT-INF/classes/"};

    private final Map<String, Integer> classesByPackage = new HashMap<>();
    private int classes;

    /** Counts the entry if it is a class file in a named package. */
    void add(String entryName) {
        if (!entryName.endsWith(".class")) {
            return;
        }
        String name = withoutRoot(entryName);
        int slash = name.lastIndexOf('/');
        if (slash <= 0 || name.startsWith("META-INF/")) {
            return;
        }
        String pkg = name.substring(0, slash).replace('/', '.');
        if (classesByPackage.containsKey(pkg) || classesByPackage.size() < MAX_PACKAGES) {
            classesByPackage.merge(pkg, 1, Integer::sum);
            classes++;
        }
    }

    /**
     * The longest package that holds more than half of the classes, counting its subpackages:
     * {@code org.springframework.beans} for spring-beans, {@code org.h2} for H2. Empty when the archive has no
     * classes, or when no package holds more than half of them.
     */
    Optional<String> mainPackage() {
        Map<String, Integer> classesUnder = new HashMap<>();
        for (Map.Entry<String, Integer> entry : classesByPackage.entrySet()) {
            String pkg = entry.getKey();
            for (int dot = pkg.indexOf('.'); dot > 0; dot = pkg.indexOf('.', dot + 1)) {
                classesUnder.merge(pkg.substring(0, dot), entry.getValue(), Integer::sum);
            }
            classesUnder.merge(pkg, entry.getValue(), Integer::sum);
        }
        String best = "";
        for (Map.Entry<String, Integer> entry : classesUnder.entrySet()) {
            if (2 * entry.getValue() > classes && entry.getKey().length() > best.length()) {
                best = entry.getKey();
            }
        }
        return best.isEmpty() ? Optional.empty() : Optional.of(best);
    }

    private static String withoutRoot(String entryName) {
        for (String root : CLASS_ROOTS) {
            if (entryName.startsWith(root)) {
                return entryName.substring(root.length());
            }
        }
        if (entryName.startsWith("META-INF/versions/")) {
            int slash = entryName.indexOf('/', "META-INF/versions/".length());
            return slash < 0 ? entryName : entryName.substring(slash + 1);
        }
        return entryName;
    }
}
