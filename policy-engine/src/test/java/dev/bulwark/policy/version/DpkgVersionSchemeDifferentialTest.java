package dev.bulwark.policy.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * {@link DpkgVersionScheme} against the real {@code dpkg --compare-versions}, on generated Debian versions
 * full of epochs, tildes, pluses, dots, revisions, letters and leading zeros.
 *
 * <p>Forking dpkg for each of 100,000 pairs would take minutes, so each try sorts a list of distinct versions
 * with our comparator and asks dpkg only about neighbours: is each one {@code lt} (or, where we find them
 * equal, {@code eq}) the next? dpkg's order is total, so if it agrees on every neighbour it agrees on all
 * n(n-1)/2 pairs of the list. The run fails unless at least {@value #MIN_IMPLIED_PAIRS} pairs were implied.
 *
 * <p>Without dpkg the test is skipped, except on CI ({@code CI=true}), where it fails.
 */
@AddLifecycleHook(DpkgVersionSchemeDifferentialTest.SkipWithoutDpkg.class)
class DpkgVersionSchemeDifferentialTest {

    private static final int MIN_IMPLIED_PAIRS = 100_000;
    private static final DpkgVersionScheme SCHEME = new DpkgVersionScheme();

    private static final List<String> DIGITS = List.of("0", "00", "1", "01", "001", "2", "9", "10", "12", "123",
            "2024", "20240101");

    private static final List<String> LETTERS = List.of("a", "b", "z", "A", "Z", "rc", "beta", "alpha", "dfsg",
            "git", "ubuntu", "deb", "build", "really");

    private static final List<String> UPSTREAM_TOKENS = concat(DIGITS, LETTERS,
            List.of(".", ".", ".", "+", "~", "~", "~~", "-", ":", ".0", "~rc1", "+dfsg", "+really", "..", "~."));

    private static final List<String> REVISION_TOKENS = concat(DIGITS, LETTERS,
            List.of(".", ".", "+", "~", "~~", "deb12u1", "ubuntu0.1", "+b1", "~bpo11"));

    private static DpkgOracle dpkg;
    private static long lists;
    private static long versionsChecked;
    private static long impliedPairs;
    private static long neighbourCalls;
    private static long equalNeighbours;

    @BeforeContainer
    static void startDpkg() {
        if (!DpkgOracle.isAvailable()) {
            fail(missingDpkg() + "; CI must run on a Debian or Ubuntu image that has dpkg");
        }
        dpkg = DpkgOracle.start();
    }

    @AfterContainer
    static void reportAndStopDpkg() throws Exception {
        if (dpkg == null) {
            return;
        }
        System.out.printf("dpkg differential: %d lists of %d versions in all; %d implied pairs checked with %d dpkg"
                + " calls on neighbours (%d on neighbours we find equal); %d dpkg calls in all%n", lists,
                versionsChecked, impliedPairs, neighbourCalls, equalNeighbours, dpkg.calls());
        dpkg.close();
        assertThat(impliedPairs).as("pairs implied by agreeing with dpkg").isGreaterThanOrEqualTo(MIN_IMPLIED_PAIRS);
    }

    @Property(tries = 80)
    void ordersEveryGeneratedListExactlyAsDpkgDoes(@ForAll("distinctVersions") List<String> versions) {
        List<String> sorted = versions.stream().sorted(SCHEME.comparator()).toList();
        for (int index = 0; index + 1 < sorted.size(); index++) {
            String lower = sorted.get(index);
            String upper = sorted.get(index + 1);
            boolean equal = SCHEME.compare(lower, upper) == 0;
            String relation = equal ? "eq" : "lt";
            equalNeighbours += equal ? 1 : 0;
            neighbourCalls++;
            assertThat(dpkg.holds(lower, relation, upper))
                    .as("dpkg --compare-versions '%s' %s '%s'", lower, relation, upper)
                    .isTrue();
        }
        impliedPairs += (long) sorted.size() * (sorted.size() - 1) / 2;
        versionsChecked += sorted.size();
        lists++;
    }

    // dpkg reads an empty argument as "no version" rather than refusing it; Bulwark refuses it, so it is not here.
    @Example
    void refusesExactlyTheVersionsDpkgRefuses() {
        for (String version : List.of("  ", "1:", ":1", "a:1", "1a:1", "1.0-", "1:-1", "1.0-1:2", "99999999999:1",
                "2147483647:1", "2147483648:1", "+1:1", "1:2:3", "1 0", " 1.0\t", "1.0_1", "a", "~", "1:~", "0:0",
                "1.0-a-", "1--1", "1.0-é")) {
            boolean dpkgRefuses = refuses(() -> dpkg.holds(version, "eq", version));
            boolean weRefuse = refuses(() -> SCHEME.compare(version, version));
            assertThat(weRefuse).as("Bulwark refuses '%s' as dpkg does", version).isEqualTo(dpkgRefuses);
        }
    }

    private static boolean refuses(Runnable comparison) {
        try {
            comparison.run();
            return false;
        } catch (IllegalStateException | InvalidVersionException refused) {
            return true;
        }
    }

    @Provide
    Arbitrary<List<String>> distinctVersions() {
        return versions().list().uniqueElements().ofMinSize(60).ofMaxSize(100);
    }

    private static Arbitrary<String> versions() {
        Arbitrary<String> epoch = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("")),
                Tuple.of(3, Arbitraries.of("0:", "1:", "2:", "00:", "01:", "10:", "99:")),
                Tuple.of(1, Arbitraries.integers().between(0, 1_000_000).map(n -> n + ":")));
        Arbitrary<String> revision = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just("")),
                Tuple.of(6, tokens(REVISION_TOKENS, 1, 4).map(text -> "-" + text)));
        Arbitrary<String> upstream = Combinators.combine(upstreamStart(), tokens(UPSTREAM_TOKENS, 0, 6))
                .as(String::concat);
        return Combinators.combine(epoch, upstream, revision).as(DpkgVersionSchemeDifferentialTest::assemble);
    }

    // A colon needs an epoch and a hyphen in the upstream part needs a revision after it; otherwise swap them.
    private static String assemble(String epoch, String upstream, String revision) {
        String fixed = epoch.isEmpty() ? upstream.replace(':', '.') : upstream;
        fixed = revision.isEmpty() ? fixed.replace('-', '+') : fixed;
        return epoch + fixed + revision;
    }

    private static Arbitrary<String> upstreamStart() {
        return Arbitraries.frequencyOf(
                Tuple.of(19, Arbitraries.of(DIGITS)),
                Tuple.of(1, Arbitraries.of("a", "Z", "rc"))); // dpkg warns, but still compares
    }

    private static Arbitrary<String> tokens(List<String> pool, int min, int max) {
        return Arbitraries.of(pool).list().ofMinSize(min).ofMaxSize(max).map(parts -> String.join("", parts));
    }

    private static String missingDpkg() {
        return "dpkg missing: '" + DpkgOracle.binary() + " --version' does not run";
    }

    /** Skips the whole class when dpkg is missing, unless on CI. */
    static final class SkipWithoutDpkg implements SkipExecutionHook {

        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            boolean onCi = "true".equalsIgnoreCase(System.getenv("CI"));
            return onCi || DpkgOracle.isAvailable() ? SkipResult.doNotSkip() : SkipResult.skip(missingDpkg());
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
