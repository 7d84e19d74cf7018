package dev.bulwark.notify.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Masks secret values in text before it reaches an exception message, a log or a report. Every error that may
 * quote something a server or library said goes through one, because a server may echo the request back.
 */
public final class Redactor {

    /** What a secret becomes. */
    public static final String MASK = "***";

    private static final Redactor NONE = new Redactor(List.of());

    private final List<String> values;

    private Redactor(List<String> values) {
        this.values = values;
    }

    /** A redactor that changes nothing. */
    public static Redactor none() {
        return NONE;
    }

    /** A redactor for these secrets, as written and as they look URL-encoded or JSON-escaped. */
    public static Redactor of(Collection<Secret> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (Secret secret : secrets) {
            String value = secret.reveal();
            forms.add(value);
            forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
            forms.add(value.replace("/", "\\/"));
        }
        // Longest first, so a secret that contains another is masked whole.
        return new Redactor(forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    /** A redactor for these secrets. */
    public static Redactor of(Secret... secrets) {
        return of(List.of(secrets));
    }

    /** This redactor and the given secrets too. */
    public Redactor and(Secret... more) {
        return new Redactor(Stream.concat(values.stream(), of(more).values.stream()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    /** The text with every secret replaced by {@value #MASK}; {@code null} stays {@code null}. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String value : values) {
            result = result.replace(value, MASK);
        }
        return result;
    }

    @Override
    public String toString() {
        return "Redactor[" + values.size() + " forms of secrets]";
    }
}
