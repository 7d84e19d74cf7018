package dev.bulwark.policy.runtime;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.bulwark.policy.text.Numbers;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of time as a policy writes it: a whole number and a unit, {@code 45s}, {@code 30m}, {@code 2h} or
 * {@code 7d}.
 */
public record Span(Duration duration) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})([smhd])");

    public Span {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a span cannot be negative: " + duration);
        }
    }

    /** Reads {@code 45s}, {@code 30m}, {@code 2h} or {@code 7d}. */
    @JsonCreator
    public static Span parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a span of time: write a whole number and a unit,"
                    + " such as 45s, 30m, 2h or 7d");
        }
        long amount = Numbers.parseLong(matcher.group(1), "the amount in '" + text + "'");
        return new Span(switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }

    public static Span of(Duration duration) {
        return new Span(duration);
    }

    /** The span in the largest unit that writes it exactly. */
    @JsonValue
    public String text() {
        long seconds = duration.getSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        } else if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        } else if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    @Override
    public String toString() {
        return text();
    }
}
