package dev.bulwark.scanner.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.scanner.db.DbUpdater;
import dev.bulwark.scanner.db.OsvRecord;
import dev.bulwark.scanner.db.VulnDb;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.model.Package;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matcher asks for packages in chunks, side by side: an inventory of every package the real corpora name, at a
 * version their advisories list, (up to four versions of each) gets the findings each of its packages gets alone, in the same order.
 */
class MatchingInChunksTest {

    @TempDir
    Path temp;

    @Test
    void aLargeInventoryGetsTheFindingsOfItsPackagesMatchedOneByOne() {
        try (VulnDb db = corpora()) {
            List<Package> packages = corpusPackages(db);
            assertThat(packages).as("more packages than three chunks").hasSizeGreaterThan(1_500);

            Matcher matcher = new Matcher(db);
            Inventory inventory = new Inventory(Optional.empty(), packages, List.of());
            Matcher.Result together = matcher.match(inventory);
            List<Match> alone = new ArrayList<>();
            for (Package pkg : inventory.packages()) { // in the inventory's order: findings that tie keep it
                alone.addAll(matcher.match(new Inventory(Optional.empty(), List.of(pkg), List.of())).matches());
            }
            alone.sort(FindingAssembler.MOST_SEVERE_FIRST);

            assertThat(together.matches()).hasSizeGreaterThan(1_500);
            assertThat(together.matches().stream().map(MatchingInChunksTest::described).toList())
                    .isEqualTo(alone.stream().map(MatchingInChunksTest::described).toList());
        }
    }

    @Test
    void manyInventoriesMatchedTogetherGetWhatEachGetsAlone() {
        try (VulnDb db = corpora()) {
            List<Package> packages = corpusPackages(db);
            List<Inventory> images = new ArrayList<>();
            for (int image = 0; image < 7; image++) { // overlapping: each holds every third package from its own start
                List<Package> held = new ArrayList<>();
                for (int i = image; i < packages.size(); i += 3) {
                    held.add(packages.get(i));
                }
                images.add(new Inventory(Optional.empty(), held, List.of()));
            }
            Matcher matcher = new Matcher(db);
            List<Integer> order = new ArrayList<>();
            List<List<String>> together = new ArrayList<>();

            matcher.matchAll(images, (index, result) -> {
                order.add(index);
                together.add(result.matches().stream().map(MatchingInChunksTest::described).toList());
            });

            assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6);
            for (int image = 0; image < images.size(); image++) {
                assertThat(together.get(image)).as("image %d", image).isNotEmpty()
                        .isEqualTo(matcher.match(images.get(image)).matches().stream().map(MatchingInChunksTest::described).toList());
            }
        }
    }

    private VulnDb corpora() {
        Path file = temp.resolve("vulns.db");
        new DbUpdater(Clock.systemUTC(), line -> { }).update(file, List.of(Corpora.corpus("osv-pypi/vulns").toString(),
                Corpora.corpus("osv-ghsa/maven").toString(), Corpora.corpus("osv-ghsa/npm").toString()));
        return VulnDb.open(file);
    }

    /** Every package the corpora name, at up to four versions their advisories name. */
    private static List<Package> corpusPackages(VulnDb db) {
        List<Package> packages = new ArrayList<>();
        for (Ecosystem ecosystem : List.of(Ecosystem.PYPI, Ecosystem.MAVEN, Ecosystem.NPM)) {
            String osvName = ecosystem.osvNames().get(0);
            for (String name : db.names(osvName)) {
                affectedVersions(db.affecting(osvName, name)).forEach(version -> packages.add(pkg(ecosystem, name, version)));
            }
        }
        return packages;
    }

    /** Up to four versions the package's advisories name: listed as affected, or introducing a range (other than 0). */
    private static Set<String> affectedVersions(List<VulnDb.Hit> hits) {
        Set<String> versions = new LinkedHashSet<>();
        for (VulnDb.Hit hit : hits) {
            versions.addAll(hit.affected().versions());
            for (OsvRecord.Range range : hit.affected().ranges()) {
                for (OsvRecord.Event event : range.events()) {
                    if (!event.version().equals("0")) {
                        versions.add(event.version());
                    }
                }
            }
        }
        return versions.stream().limit(4).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Package pkg(Ecosystem ecosystem, String name, String version) {
        int colon = name.indexOf(':');
        Purl purl = colon > 0 ? Purl.of(ecosystem.purlType(), name.substring(0, colon), name.substring(colon + 1), version)
                : Purl.of(ecosystem.purlType(), "", name, version);
        return new Package(ecosystem, name, version, purl, "", "", "", "/app");
    }

    private static String described(Match match) {
        return String.join("|", match.finding().vulnerabilityId(), new TreeSet<>(match.finding().aliases()).toString(),
                match.finding().pkg().toString(), match.finding().severity().toString(), match.finding().cvssScore().toString(),
                match.finding().fixedVersion(), match.finding().published().toString(), match.title(), match.severitySource(),
                match.references().toString(), match.dataSource());
    }
}
