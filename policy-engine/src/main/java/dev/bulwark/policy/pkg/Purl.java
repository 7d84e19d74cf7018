package dev.bulwark.policy.pkg;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}), the identity every package
 * in Bulwark's inventory carries and that policies match against.
 *
 * <p>Parsing and formatting follow the purl specification: the type is lower case, each namespace
 * segment and the name are percent-decoded, qualifiers are sorted by key, and {@link #toString()} gives
 * the canonical form, so two equal packages always have equal strings.
 *
 * @param type      the package type, such as {@code deb}, {@code maven}, {@code npm} or {@code pypi}
 * @param namespace the namespace (Maven group, npm scope, distro), or empty
 * @param name      the package name
 * @param version   the version, or empty
 * @param qualifiers extra facts such as {@code distro} or {@code arch}, sorted by key
 * @param subpath   a path inside the package, or empty
 */
public record Purl(String type, String namespace, String name, String version,
                   SortedMap<String, String> qualifiers, String subpath) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9.+-]*");
    private static final Pattern QUALIFIER_KEY = Pattern.compile("[a-z][a-z0-9.\\-_]*");

    public Purl {
        Objects.requireNonNull(type, "type");
        type = type.toLowerCase(Locale.ROOT);
        if (!TYPE.matcher(type).matches()) {
            throw new InvalidPurlException("purl type '" + type
                    + "' is not valid: it must start with a letter and hold only letters, digits, '.', '+' or '-'");
        }
        namespace = Objects.requireNonNullElse(namespace, "");
        if (name == null || name.isBlank()) {
            throw new InvalidPurlException("purl of type '" + type + "' has no name: write pkg:" + type + "/NAME@VERSION");
        }
        version = Objects.requireNonNullElse(version, "");
        qualifiers = new TreeMap<>(Objects.requireNonNullElse(qualifiers, new TreeMap<>()));
        for (String key : qualifiers.keySet()) {
            if (!QUALIFIER_KEY.matcher(key).matches()) {
                throw new InvalidPurlException("purl qualifier key '" + key + "' is not valid: use lower-case letters, digits, '.', '-' or '_'");
            }
        }
        qualifiers = Collections.unmodifiableSortedMap(qualifiers);
        subpath = Objects.requireNonNullElse(subpath, "");
    }

    /** A purl without qualifiers or subpath. */
    public static Purl of(String type, String namespace, String name, String version) {
        return new Purl(type, namespace, name, version, new TreeMap<>(), "");
    }

    /**
     * Parses a purl string.
     *
     * @throws InvalidPurlException naming what is wrong and what a valid purl looks like
     */
    public static Purl parse(String text) {
        Objects.requireNonNull(text, "text");
        String rest = text.strip();
        if (!rest.startsWith("pkg:")) {
            throw new InvalidPurlException("'" + text + "' is not a purl: it must start with 'pkg:', as in pkg:deb/debian/openssl@3.0.11-1");
        }
        rest = rest.substring(4);
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        String subpath = "";
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            subpath = decode(rest.substring(hash + 1));
            rest = rest.substring(0, hash);
        }
        SortedMap<String, String> qualifiers = new TreeMap<>();
        int question = rest.indexOf('?');
        if (question >= 0) {
            qualifiers = parseQualifiers(text, rest.substring(question + 1));
            rest = rest.substring(0, question);
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new InvalidPurlException("'" + text + "' has no name after its type: write pkg:TYPE/NAME@VERSION");
        }
        String type = rest.substring(0, slash);
        rest = rest.substring(slash + 1);
        String version = "";
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            version = decode(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        int lastSlash = rest.lastIndexOf('/');
        String name = decode(rest.substring(lastSlash + 1));
        String namespace = lastSlash < 0 ? "" : decodeSegments(rest.substring(0, lastSlash));
        return new Purl(type, namespace, name, version, qualifiers, subpath);
    }

    private static SortedMap<String, String> parseQualifiers(String text, String query) {
        SortedMap<String, String> qualifiers = new TreeMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidPurlException("qualifier '" + pair + "' in '" + text + "' has no value: write key=value");
            }
            String value = decode(pair.substring(eq + 1));
            if (!value.isEmpty()) {
                qualifiers.put(pair.substring(0, eq).toLowerCase(Locale.ROOT), value);
            }
        }
        return qualifiers;
    }

    private static String decodeSegments(String path) {
        return PurlEncoding.eachSegment(path, Purl::decode);
    }

    private static String decode(String part) {
        return PurlEncoding.decode(part);
    }

    /** The version, if the purl has one. */
    public Optional<String> optionalVersion() {
        return version.isEmpty() ? Optional.empty() : Optional.of(version);
    }

    /** This purl without its version, qualifiers and subpath: the identity of the package across versions. */
    public String coordinates() {
        return "pkg:" + type + "/" + (namespace.isEmpty() ? "" : PurlEncoding.encodeSegments(namespace) + "/")
                + PurlEncoding.encode(name);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(coordinates());
        if (!version.isEmpty()) {
            out.append('@').append(PurlEncoding.encode(version));
        }
        String separator = "?";
        for (Map.Entry<String, String> qualifier : qualifiers.entrySet()) {
            out.append(separator).append(qualifier.getKey()).append('=')
                    .append(PurlEncoding.encodeQualifierValue(qualifier.getValue()));
            separator = "&";
        }
        if (!subpath.isEmpty()) {
            out.append('#').append(PurlEncoding.encodeSegments(subpath));
        }
        return out.toString();
    }
}
