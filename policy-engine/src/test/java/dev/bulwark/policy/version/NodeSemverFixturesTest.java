package dev.bulwark.policy.version;

import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.policy.testing.JsArrayLiteral;
import dev.bulwark.policy.testing.VectorReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * node-semver's own test fixtures: {@code comparisons.js} ({@code [greater, smaller, options]}),
 * {@code equality.js} ({@code [a, b, options]}), {@code range-include.js} and {@code range-exclude.js}
 * ({@code [range, version, options]}).
 *
 * <p>Options are read as node-semver's {@code parseOptions} reads them: only an object can carry
 * {@code includePrerelease}, which counts by JavaScript truthiness and is passed on. Bulwark always reads npm
 * versions and ranges loosely, as npm does with package metadata, so the {@code loose} option (whatever its
 * value: {@code true}, {@code 420}, {@code {loose: NaN}}, a regex) needs no passing on, and the vectors without
 * it are checked in loose mode too; none of them needs strict mode to hold.
 *
 * <p>One vector cannot be written in Java as it is in JavaScript: {@code ['>=2', false]} passes the boolean
 * {@code false} as the version. The closest input a {@code String} API can receive, the text {@code "false"},
 * is checked instead: like any non-semver text it must satisfy no range.
 */
class NodeSemverFixturesTest {

    private final NpmSemverScheme npm = new NpmSemverScheme();

    @Test
    void ordersEveryPairOfComparisonsJsWithTheFirstGreater() throws IOException {
        VectorReport report = new VectorReport("node-semver comparisons.js");
        for (List<?> fixture : fixtures("comparisons.js")) {
            String greater = text(fixture.get(0));
            String smaller = text(fixture.get(1));
            report.check(fixture.toString(), () -> npm.compare(greater, smaller) > 0
                    && npm.compare(smaller, greater) < 0
                    && npm.compare(greater, greater) == 0
                    && npm.compare(smaller, smaller) == 0);
        }
        report.assertAllAgree();
    }

    @Test
    void treatsEveryPairOfEqualityJsAsEqual() throws IOException {
        VectorReport report = new VectorReport("node-semver equality.js");
        for (List<?> fixture : fixtures("equality.js")) {
            String a = text(fixture.get(0));
            String b = text(fixture.get(1));
            report.check(fixture.toString(), () -> npm.compare(a, b) == 0 && npm.compare(b, a) == 0);
        }
        report.assertAllAgree();
    }

    @Test
    void findsEveryVersionOfRangeIncludeJsInItsRange() throws IOException {
        VectorReport report = new VectorReport("node-semver range-include.js");
        for (List<?> fixture : fixtures("range-include.js")) {
            report.check(fixture.toString(), () -> satisfies(fixture));
        }
        report.assertAllAgree();
    }

    @Test
    void findsNoVersionOfRangeExcludeJsInItsRange() throws IOException {
        VectorReport report = new VectorReport("node-semver range-exclude.js");
        for (List<?> fixture : fixtures("range-exclude.js")) {
            report.check(fixture.toString(), () -> !satisfies(fixture));
        }
        report.assertAllAgree();
    }

    private boolean satisfies(List<?> fixture) {
        String range = text(fixture.get(0));
        String version = text(fixture.get(1));
        return npm.satisfies(version, range, includePrerelease(fixture));
    }

    // parseOptions: falsy -> {}, a non-object -> {loose: true}, an object -> itself.
    private static boolean includePrerelease(List<?> fixture) {
        Object options = fixture.size() > 2 ? fixture.get(2) : JsArrayLiteral.UNDEFINED;
        return options instanceof Map<?, ?> object
                && JsArrayLiteral.truthy(object.containsKey("includePrerelease")
                        ? object.get("includePrerelease") : JsArrayLiteral.UNDEFINED);
    }

    private static String text(Object value) {
        return value instanceof String string ? string : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static List<List<?>> fixtures(String file) throws IOException {
        String source = Files.readString(Corpora.corpus("version-vectors/semver/" + file), StandardCharsets.UTF_8);
        return (List<List<?>>) (List<?>) JsArrayLiteral.exportedArray(source);
    }
}
