package dev.bulwark.policy.version;

import java.util.Locale;

/**
 * Cuts an Alpine version into apk's tokens, one at a time, checking that each token may follow the last:
 * {@code digit{.digit}...{letter}{_suffix{number}}...{~hash}{-rN}}. A token that may not follow turns the
 * tokenizer {@link Kind#INVALID}, and apk still compares up to that point.
 */
final class ApkTokenizer {

    /** Token kinds in the order apk declares them; a later kind may not be followed by an earlier one. */
    enum Kind { INITIAL_DIGIT, DIGIT, LETTER, SUFFIX, SUFFIX_NO, COMMIT_HASH, REVISION_NO, END, INVALID }

    /** Suffixes in sort order; {@code NONE} marks the pivot between pre-releases and post-releases. */
    enum Suffix { ALPHA, BETA, PRE, RC, NONE, CVS, SVN, GIT, HG, P }

    private final String text;
    private int position;
    private Kind kind;
    private String value = "";
    private Suffix suffix = Suffix.NONE;

    ApkTokenizer(String text) {
        this.text = text;
        this.kind = Kind.INITIAL_DIGIT;
        readDigits();
    }

    Kind kind() {
        return kind;
    }

    /** The token's text: the digits, the letter, the suffix word or the hash. */
    String value() {
        return value;
    }

    Suffix suffix() {
        return suffix;
    }

    /** Moves to the next token. */
    void advance() {
        if (position >= text.length()) {
            kind = Kind.END;
            return;
        }
        char c = text.charAt(position);
        if (c >= 'a' && c <= 'z') {
            readLetter();
        } else if (c == '.' || isDigit(c)) {
            readNumber(c == '.');
        } else if (c == '_') {
            readSuffix();
        } else if (c == '~') {
            readCommitHash();
        } else if (c == '-') {
            readRevision();
        } else {
            kind = Kind.INVALID;
        }
    }

    private void readLetter() {
        if (kind.compareTo(Kind.DIGIT) > 0) {
            kind = Kind.INVALID;
            return;
        }
        value = text.substring(position, position + 1);
        position++;
        kind = Kind.LETTER;
    }

    private void readNumber(boolean afterDot) {
        if (afterDot && kind.compareTo(Kind.DIGIT) > 0) {
            kind = Kind.INVALID;
            return;
        }
        if (afterDot) {
            position++;
        }
        switch (kind) {
            case INITIAL_DIGIT, DIGIT -> kind = Kind.DIGIT;
            case SUFFIX -> kind = Kind.SUFFIX_NO;
            default -> {
                kind = Kind.INVALID;
                return;
            }
        }
        readDigits();
    }

    private void readSuffix() {
        if (kind.compareTo(Kind.SUFFIX_NO) > 0) {
            kind = Kind.INVALID;
            return;
        }
        position++;
        value = span(c -> c >= 'a' && c <= 'z');
        suffix = suffixNamed(value);
        kind = suffix == null ? Kind.INVALID : Kind.SUFFIX;
    }

    private void readCommitHash() {
        if (kind.compareTo(Kind.COMMIT_HASH) >= 0) {
            kind = Kind.INVALID;
            return;
        }
        position++;
        value = span(c -> isDigit(c) || (c >= 'a' && c <= 'f'));
        kind = value.isEmpty() ? Kind.INVALID : Kind.COMMIT_HASH;
    }

    private void readRevision() {
        if (kind.compareTo(Kind.REVISION_NO) >= 0 || !text.startsWith("-r", position)) {
            kind = Kind.INVALID;
            return;
        }
        position += 2;
        kind = Kind.REVISION_NO;
        readDigits();
    }

    private void readDigits() {
        value = span(ApkTokenizer::isDigit);
        if (value.isEmpty()) {
            kind = Kind.INVALID;
        }
    }

    private String span(CharPredicate test) {
        int start = position;
        while (position < text.length() && test.test(text.charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    private static Suffix suffixNamed(String word) {
        for (Suffix candidate : Suffix.values()) {
            if (candidate != Suffix.NONE && candidate.name().toLowerCase(Locale.ROOT).equals(word)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @FunctionalInterface
    private interface CharPredicate {
        boolean test(char c);
    }
}
