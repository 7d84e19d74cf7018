package dev.bulwark.policy.cvss;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The score FIRST assigns to each CVSS v4.0 MacroVector, read from {@code cvss-v4-macrovector-scores.txt}
 * beside this class: specification data, kept out of the code so it can be checked against the source line by line.
 */
final class Cvss4LookupTable {

    private static final String RESOURCE = "cvss-v4-macrovector-scores.txt";
    private static final Map<String, Double> SCORES = load();

    private Cvss4LookupTable() {
    }

    /** The score of the MacroVector, or empty when no such MacroVector exists (a level past the lowest). */
    static Optional<Double> score(Cvss4MacroVector macroVector) {
        return Optional.ofNullable(SCORES.get(macroVector.key()));
    }

    /** Every MacroVector key ({@code 000000} to {@code 212221}) with its score. */
    static Map<String, Double> all() {
        return SCORES;
    }

    private static Map<String, Double> load() {
        try (InputStream in = Cvss4LookupTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath beside "
                        + Cvss4LookupTable.class.getName() + ": rebuild the policy-engine jar");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Map<String, Double> parse(BufferedReader reader) throws IOException {
        Map<String, Double> scores = new LinkedHashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] fields = entry.split("\\s+");
            if (fields.length != 2 || !fields[0].matches("[0-2][01][0-2][0-2][0-2][01]")) {
                throw new IllegalStateException(RESOURCE + ": '" + line + "' is not 'EQ1..EQ6 score', e.g. '000000 10.0'");
            }
            scores.put(fields[0], Double.parseDouble(fields[1]));
        }
        return Collections.unmodifiableMap(scores);
    }
}
