package dev.bulwark.policy.gate.check;

import dev.bulwark.policy.vuln.ImageFacts.Distro;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When each OS release stops getting security updates, from the table {@code distro-eol.csv} shipped
 * with Bulwark (the vendors' published dates). A release not in the table is not judged.
 */
public final class DistroLifecycle {

    private final Map<String, LocalDate> endOfLife;

    private DistroLifecycle(Map<String, LocalDate> endOfLife) {
        this.endOfLife = Map.copyOf(endOfLife);
    }

    /** The table shipped with Bulwark. */
    public static DistroLifecycle builtIn() {
        try (InputStream in = DistroLifecycle.class.getResourceAsStream("/dev/bulwark/policy/gate/distro-eol.csv")) {
            if (in == null) {
                throw new IllegalStateException("distro-eol.csv is missing from the Bulwark jar: rebuild it");
            }
            Map<String, LocalDate> table = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(",");
                table.put(fields[0].strip() + " " + fields[1].strip(), LocalDate.parse(fields[2].strip()));
            }
            return new DistroLifecycle(table);
        } catch (IOException e) {
            throw new UncheckedIOException("reading distro-eol.csv", e);
        }
    }

    /** The end-of-life date of a release; Alpine's 3.20.3 is looked up as 3.20. */
    public Optional<LocalDate> endOfLife(Distro distro) {
        String id = distro.id().toLowerCase(Locale.ROOT);
        String version = distro.versionId();
        if (id.equals("alpine")) {
            String[] parts = version.split("\\.");
            version = parts.length >= 2 ? parts[0] + "." + parts[1] : version;
        }
        return Optional.ofNullable(endOfLife.get(id + " " + version));
    }
}
