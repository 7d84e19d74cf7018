package dev.bulwark.policy.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.semver4j.Range;
import org.semver4j.Range.RangeOperator;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;
import org.semver4j.SemverException;

/**
 * An npm range such as {@code ^1.2.3 || >=2.0.0-rc.1 <3}, read as node-semver reads it in loose mode: a list of
 * alternative sets, each a list of bounds that must all hold.
 *
 * <p>The syntax around each comparator (blanks after operators, {@code v} and {@code =} prefixes, wildcard
 * majors, hyphen ranges, comparators loose mode throws away) is handled here; semver4j expands each remaining
 * comparator ({@code ^}, {@code ~}, x-ranges) into primitive bounds. Bounds are then tested with npm's own
 * precedence, because semver4j orders alphanumeric pre-release identifiers naturally ({@code rc2 < rc10})
 * where npm compares them as strings ({@code rc10 < rc2}).
 */
record NpmRange(List<List<Bound>> sets) {

    /** One primitive condition on a version. */
    sealed interface Bound {

        /** The value of the function for this bound's kind; a new kind does not compile until each use has it. */
        <R> R match(Function<Any, R> any, Function<Nothing, R> nothing, Function<Compare, R> compare);

        /** Matches every version. */
        record Any() implements Bound {
            @Override
            public <R> R match(Function<Any, R> any, Function<Nothing, R> nothing, Function<Compare, R> compare) {
                return any.apply(this);
            }
        }

        /** Matches no version ({@code <*} or {@code >*}). */
        record Nothing() implements Bound {
            @Override
            public <R> R match(Function<Any, R> any, Function<Nothing, R> nothing, Function<Compare, R> compare) {
                return nothing.apply(this);
            }
        }

        /** {@code version operator limit}. */
        record Compare(RangeOperator operator, Semver limit) implements Bound {
            @Override
            public <R> R match(Function<Any, R> any, Function<Nothing, R> nothing, Function<Compare, R> compare) {
                return compare.apply(this);
            }
        }
    }

    private static final String WILDCARD = "[0-9]+|[xX*]";
    private static final Pattern PARTIAL = Pattern.compile("[v=\\s]*(" + WILDCARD + ")(?:\\.(" + WILDCARD
            + ")(?:\\.(" + WILDCARD + ")(?:-?(" + LooseSemver.IDENTIFIERS + "))?(?:\\+(" + LooseSemver.IDENTIFIERS
            + "))?)?)?");
    private static final Pattern BUILD = Pattern.compile("\\+" + LooseSemver.IDENTIFIERS);
    private static final Pattern HYPHEN = Pattern.compile("(\\S+) - (\\S+)");
    private static final Pattern OPERATOR = Pattern.compile("(~>|<=|>=|<|>|=|~|\\^)?(.*)");
    private static final Pattern SPACE_AFTER_OPERATOR = Pattern.compile("(~>|<=|>=|<|>|=|~|\\^)\\s+");

    NpmRange {
        sets = sets.stream().map(List::copyOf).toList();
    }

    /**
     * Reads a range; build metadata is ignored, and comparators loose node-semver cannot read are dropped, as
     * npm drops them.
     *
     * @throws InvalidVersionException if nothing readable is left
     */
    static NpmRange parse(String range, boolean includePrerelease) {
        Objects.requireNonNull(range, "range");
        List<List<Bound>> sets = new ArrayList<>();
        for (String set : BUILD.matcher(range).replaceAll("").split("\\|\\|", -1)) {
            List<Bound> bounds = parseSet(set.strip().replaceAll("\\s+", " "), includePrerelease);
            if (!bounds.isEmpty()) {
                sets.add(bounds);
            }
        }
        if (sets.isEmpty()) {
            throw new InvalidVersionException(LooseSemver.SCHEME, "range", range, "write comparators such as"
                    + " >=1.2.3 <2.0.0, ^1.2, ~1.2.3, 1.x or 1.0.0 - 2.0.0, joined by || for alternatives");
        }
        // node-semver reduces a range with a match-all alternative to that alternative alone, which matters for
        // pre-releases: in "<=1.2.3-rc.1 || *" the first alternative no longer lets 1.2.3-rc.0 in.
        boolean matchesAll = sets.stream().anyMatch(set -> set.stream().allMatch(Bound.Any.class::isInstance));
        return new NpmRange(matchesAll ? List.of(List.of(new Bound.Any())) : sets);
    }

    private static List<Bound> parseSet(String set, boolean includePrerelease) {
        if (set.isEmpty()) {
            return List.of(new Bound.Any());
        }
        Matcher hyphen = HYPHEN.matcher(set);
        if (hyphen.matches() && readable(hyphen.group(1)) != null && readable(hyphen.group(2)) != null) {
            return hyphenRange(readable(hyphen.group(1)), readable(hyphen.group(2)), includePrerelease);
        }
        List<Bound> bounds = new ArrayList<>();
        for (String comparator : SPACE_AFTER_OPERATOR.matcher(set).replaceAll("$1").split(" ", -1)) {
            bounds.addAll(parseComparator(comparator, includePrerelease));
        }
        return bounds;
    }

    // "A - B" means ">=A <=B", where a wildcard side is dropped, parts after a wildcard are ignored and, with
    // pre-releases included, a full lower version admits its own pre-releases too.
    private static List<Bound> hyphenRange(Matcher lower, Matcher upper, boolean includePrerelease) {
        List<Bound> bounds = new ArrayList<>();
        if (!isPartial(lower) && lower.group(4) == null && includePrerelease) {
            String floor = LooseSemver.core(lower.group(1), lower.group(2), lower.group(3), "0", null);
            bounds.add(new Bound.Compare(RangeOperator.GTE, LooseSemver.toSemver(lower.group(), floor)));
        } else if (!isWildcard(lower.group(1))) {
            bounds.addAll(parseComparator(">=" + partial(lower), includePrerelease));
        }
        if (!isWildcard(upper.group(1))) {
            bounds.addAll(parseComparator("<=" + partial(upper), includePrerelease));
        }
        return bounds.isEmpty() ? List.of(new Bound.Any()) : bounds;
    }

    private static List<Bound> parseComparator(String comparator, boolean includePrerelease) {
        Matcher split = OPERATOR.matcher(comparator);
        if (!split.matches()) {
            throw new IllegalArgumentException("not a comparator: " + comparator);
        }
        String operator = split.group(1) == null ? "" : split.group(1);
        Matcher version = readable(split.group(2));
        boolean caretOrTilde = operator.startsWith("~") || operator.equals("^");
        if (version == null || (!caretOrTilde && hasWildcardBeforeNumber(version))) {
            return List.of(); // loose node-semver throws unreadable comparators away
        }
        if (isWildcard(version.group(1))) {
            return List.of(operator.equals("<") || operator.equals(">") ? new Bound.Nothing() : new Bound.Any());
        }
        boolean sugar = caretOrTilde || isPartial(version);
        return expand(operator + partial(version), sugar, includePrerelease);
    }

    // node-semver gives every upper bound it derives from sugar (^, ~, x-ranges, hyphens) a "-0" pre-release, so
    // that no pre-release of the excluded version slips in; semver4j does so only when pre-releases are included.
    private static List<Bound> expand(String expression, boolean sugar, boolean includePrerelease) {
        List<List<Range>> expanded;
        try {
            expanded = RangesListFactory.create(expression, includePrerelease).get();
        } catch (SemverException e) {
            throw new InvalidVersionException(LooseSemver.SCHEME, "range", expression, e.getMessage());
        }
        if (expanded.size() != 1) {
            throw new IllegalStateException("semver4j expanded '" + expression + "' into " + expanded.size()
                    + " alternatives; expected exactly one");
        }
        List<Bound> bounds = new ArrayList<>();
        for (Range range : expanded.get(0)) {
            Bound.Compare bound = bound(range);
            boolean bareUpperBound = bound.operator() == RangeOperator.LT && bound.limit().getPreRelease().isEmpty();
            bounds.add(sugar && bareUpperBound
                    ? new Bound.Compare(RangeOperator.LT, bound.limit().withPreRelease("0"))
                    : bound);
        }
        return bounds;
    }

    // A partial version, or null if node-semver cannot read it.
    private static Matcher readable(String text) {
        Matcher version = PARTIAL.matcher(text);
        return version.matches() ? version : null;
    }

    // node-semver refuses an x-range where a number follows a wildcard (1.x.3), but reads ^1.x.3 and ~1.x.3.
    private static boolean hasWildcardBeforeNumber(Matcher version) {
        boolean wildcardSeen = false;
        for (int part = 1; part <= 3 && version.group(part) != null; part++) {
            if (wildcardSeen && !isWildcard(version.group(part))) {
                return true;
            }
            wildcardSeen |= isWildcard(version.group(part));
        }
        return false;
    }

    private static boolean isPartial(Matcher version) {
        return version.group(3) == null || isWildcard(version.group(1)) || isWildcard(version.group(2))
                || isWildcard(version.group(3));
    }

    // The version as semver4j reads it: up to and including the first wildcard, without leading zeros.
    private static String partial(Matcher version) {
        if (!isPartial(version)) {
            return LooseSemver.core(version.group(1), version.group(2), version.group(3), version.group(4),
                    version.group(5));
        }
        StringBuilder out = new StringBuilder();
        for (int part = 1; part <= 3 && version.group(part) != null; part++) {
            out.append(part == 1 ? "" : ".").append(strip(version.group(part)));
            if (isWildcard(version.group(part))) {
                break;
            }
        }
        return out.toString();
    }

    private static Bound.Compare bound(Range range) {
        for (RangeOperator operator : RangeOperator.values()) {
            if (new Range(range.getRangeVersion(), operator).equals(range)) {
                return new Bound.Compare(operator, range.getRangeVersion());
            }
        }
        throw new IllegalStateException("semver4j produced a bound with an unknown operator: " + range);
    }

    private static boolean isWildcard(String part) {
        return part.equals("x") || part.equals("X") || part.equals("*");
    }

    private static String strip(String part) {
        return isWildcard(part) ? part : part.replaceFirst("^0+(?=.)", "");
    }
}
