package dev.bulwark.policy.text;

import java.util.Objects;

/**
 * Whole numbers read from text Bulwark did not write (a policy, a header, a {@code /proc} file): the one place
 * that turns digits into numbers, so that text which is not a number fails with a message that names what was
 * being read and shows the text, rather than with a bare {@link NumberFormatException}.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * A decimal {@code int}.
     *
     * @param text the digits, with an optional sign
     * @param what what the number is, for the message ({@code "the port in 'tcp:80x'"})
     * @return the number
     * @throws IllegalArgumentException naming {@code what} and the text when it is not a number in range
     */
    public static int parseInt(String text, String what) {
        return (int) parse(text, what, 10, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * A decimal {@code long}.
     *
     * @param text the digits, with an optional sign
     * @param what what the number is, for the message
     * @return the number
     * @throws IllegalArgumentException naming {@code what} and the text when it is not a number in range
     */
    public static long parseLong(String text, String what) {
        return parse(text, what, 10, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * A hexadecimal {@code int}, as the kernel writes ports and states in {@code /proc/net/tcp}.
     *
     * @param text the hex digits
     * @param what what the number is, for the message
     * @return the number
     * @throws IllegalArgumentException naming {@code what} and the text when it is not a number in range
     */
    public static int parseHex(String text, String what) {
        return (int) parse(text, what, 16, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * A positive span of time written as a whole number and a unit: {@code 90s}, {@code 30m}, {@code 6h}, {@code 1d}.
     *
     * @param text the span
     * @param what what it is, for the message ({@code "--interval"})
     * @throws IllegalArgumentException naming {@code what} and the text when it is not such a span
     */
    public static java.time.Duration parseDuration(String text, String what) {
        String value = text == null ? "" : text.strip();
        if (value.length() < 2) {
            throw new IllegalArgumentException(what + " '" + value + "' is not a span of time: write 90s, 30m, 6h or 1d");
        }
        char unit = value.charAt(value.length() - 1);
        long amount = parseLong(value.substring(0, value.length() - 1), what + " '" + value + "'");
        if (amount <= 0) {
            throw new IllegalArgumentException(what + " '" + value + "' is not positive: write 90s, 30m, 6h or 1d");
        }
        return switch (unit) {
            case 's' -> java.time.Duration.ofSeconds(amount);
            case 'm' -> java.time.Duration.ofMinutes(amount);
            case 'h' -> java.time.Duration.ofHours(amount);
            case 'd' -> java.time.Duration.ofDays(amount);
            default -> throw new IllegalArgumentException(what + " '" + value + "' has no unit: write 90s, 30m, 6h or 1d");
        };
    }

    private static long parse(String text, String what, int radix, long min, long max) {
        Objects.requireNonNull(what, "what");
        if (text == null) {
            throw new IllegalArgumentException(what + " is missing: a " + (radix == 16 ? "hexadecimal " : "")
                    + "whole number is needed");
        }
        try {
            long value = Long.parseLong(text, radix);
            if (value < min || value > max) {
                throw new IllegalArgumentException(what + " is " + text + ", which is out of range (" + min + " to "
                        + max + ")");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is '" + text + "', which is not a "
                    + (radix == 16 ? "hexadecimal " : "") + "whole number", e);
        }
    }
}
