package dev.bulwark.policy.pkg;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pattern over package URLs, as policies write them: {@code pkg:npm/event-stream@3.3.6},
 * {@code pkg:maven/log4j/log4j} (any version), {@code pkg:deb/debian/openssl@3.0.*}, {@code pkg:npm/*}.
 * {@code *} matches any run of characters; a pattern without {@code @} matches every version.
 *
 * @param text the pattern as written
 */
public record PurlPattern(String text) {

    public PurlPattern {
        Objects.requireNonNull(text, "text");
        text = text.strip();
        if (!text.startsWith("pkg:") || text.indexOf('/') < 0) {
            throw new InvalidPurlException("'" + text + "' is not a package pattern: write pkg:TYPE/NAME, optionally with"
                    + " @VERSION and '*' wildcards, as in pkg:npm/lodash@4.* or pkg:maven/log4j/*");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PurlPattern of(String text) {
        return new PurlPattern(text);
    }

    /** Whether the package matches: type and names compare case-insensitively, versions exactly. */
    public boolean matches(Purl purl) {
        String pattern = text.contains("?") ? text.substring(0, text.indexOf('?')) : text;
        int at = pattern.indexOf('@', pattern.lastIndexOf('/'));
        String names = PurlEncoding.decode(at < 0 ? pattern : pattern.substring(0, at));
        String subject = "pkg:" + purl.type() + "/" + (purl.namespace().isEmpty() ? "" : purl.namespace() + "/") + purl.name();
        if (!glob(names, true).matcher(subject).matches()) {
            return false;
        }
        return at < 0 || glob(pattern.substring(at + 1), false).matcher(purl.version()).matches();
    }

    private static Pattern glob(String glob, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }

    @JsonValue
    @Override
    public String toString() {
        return text;
    }
}
