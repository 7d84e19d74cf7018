package dev.bulwark.scanner.match;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.scanner.db.VulnDb;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.model.Evidence;
import dev.bulwark.scanner.model.EvidenceSource;
import dev.bulwark.scanner.model.Identification;
import dev.bulwark.scanner.model.Identification.Confidence;
import dev.bulwark.scanner.model.Package;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Completes the Maven coordinates of archives that were named from evidence (no pom.properties) with the names
 * the vulnerability database knows. Maven advisories name {@code groupId:artifactId}, so an archive whose group
 * is unknown or wrong matches none of them: its vulnerabilities would vanish from the report.
 * <ul>
 *   <li>When the database knows the artifactId under the archive's own group, that confirms it.</li>
 *   <li>Otherwise the group is the database's one for the artifactId that the archive's own clues (symbolic
 *       name, vendor ID, module name, classes' package) start with ({@code org.yaml} among four groups that
 *       publish a snakeyaml), or, when the database knows the artifactId under exactly one group, that group,
 *       unless the clues share no word with it (an in-house {@code utils-1.0.jar} whose classes are in
 *       {@code com.example} is not {@code org.example.tools:utils}).</li>
 *   <li>An archive left without a group that the database knows the artifactId of (under several groups, or
 *       under one its clues contradict) cannot be checked: it is reported as not analysed, never as clean.</li>
 * </ul>
 */
public final class MavenGroups {

    private final Map<String, SortedSet<String>> groupsByArtifact;

    MavenGroups(Map<String, SortedSet<String>> groupsByArtifact) {
        this.groupsByArtifact = groupsByArtifact;
    }

    /** The Maven names the database has advisories for, read once. */
    public static MavenGroups of(VulnDb db) {
        Map<String, SortedSet<String>> groups = new TreeMap<>();
        for (String name : db.names(Ecosystem.MAVEN.osvNames().get(0))) {
            int colon = name.indexOf(':');
            if (colon > 0) {
                groups.computeIfAbsent(name.substring(colon + 1), artifact -> new TreeSet<>()).add(name.substring(0, colon));
            }
        }
        return new MavenGroups(groups);
    }

    /** The inventory with the groups completed, and a not-analysed entry for each archive that could not be. */
    public Inventory complete(Inventory inventory) {
        List<Package> packages = new ArrayList<>();
        List<AnalyzerFailure> failures = new ArrayList<>(inventory.failures());
        for (Package pkg : inventory.packages()) {
            if (pkg.ecosystem() != Ecosystem.MAVEN || !fromEvidence(pkg)) {
                packages.add(pkg);
            } else if (pkg.identification().confidence() == Confidence.NONE) {
                confirm(pkg, failures).ifPresent(packages::add);
            } else {
                packages.add(complete(pkg, failures));
            }
        }
        return new Inventory(inventory.os(), packages, failures);
    }

    /** No database: nothing is completed, and every archive whose name is only a guess is reported as not analysed. */
    public static MavenGroups withoutDatabase() {
        return new MavenGroups(Map.of());
    }

    /**
     * A renamed archive's guessed name stands when the database knows it (in its own spelling: a title says
     * {@code Jackson-annotations}, Maven {@code jackson-annotations}) and a group for it is found; otherwise the
     * symbolic or module name may name it ({@link #byClue}); otherwise it is not analysed.
     */
    private Optional<Package> confirm(Package pkg, List<AnalyzerFailure> failures) {
        String guess = pkg.purl().name();
        Optional<String> known = groupsByArtifact.keySet().stream().filter(name -> name.equalsIgnoreCase(guess)).findFirst();
        Package named = known.map(name -> renamed(pkg, name)).orElseGet(() -> byClue(pkg));
        if (named.identification().confidence() != Confidence.NONE) {
            return Optional.of(named);
        }
        if (known.isPresent()) {
            Package completed = complete(named, failures);
            return completed.purl().namespace().isEmpty() ? Optional.empty() : Optional.of(completed);
        }
        failures.add(new AnalyzerFailure("maven-groups", pkg.path(), "not identified: it has no pom.properties and its"
                + " file name is not artifactId-version.jar; it says it is " + guess + " " + pkg.version()
                + clueText(pkg.identification().clues(Evidence.Part.GROUP)) + ", which the vulnerability database does not"
                + " confirm, so its vulnerabilities are unknown: keep Maven's file name, or build it with Maven"));
        return Optional.empty();
    }

    private static Package renamed(Package pkg, String artifactId) {
        List<Evidence> evidence = new ArrayList<>(pkg.identification().evidence());
        evidence.add(new Evidence(Evidence.Part.NAME, EvidenceSource.VULNERABILITY_DATABASE, artifactId));
        Purl purl = Purl.of(Ecosystem.MAVEN.purlType(), "", artifactId, pkg.version());
        return pkg.renamed(artifactId, purl, new Identification(Confidence.NONE, evidence, pkg.identification().hints()));
    }

    private static String clueText(List<String> clues) {
        return clues.isEmpty() ? "" : " (" + String.join(", ", clues) + ")";
    }

    private static boolean fromEvidence(Package pkg) {
        return pkg.identification().evidence().stream().noneMatch(item -> item.source() == EvidenceSource.POM_PROPERTIES)
                && !pkg.identification().evidence().isEmpty();
    }

    private Package complete(Package pkg, List<AnalyzerFailure> failures) {
        String artifactId = pkg.purl().name();
        String group = pkg.purl().namespace();
        SortedSet<String> known = groupsByArtifact.getOrDefault(artifactId, new TreeSet<>());
        Identification identification = pkg.identification();
        if (known.isEmpty()) {
            return group.isEmpty() ? byClue(pkg) : pkg;
        }
        if (known.contains(group)) {
            return withGroup(pkg, group, Confidence.HIGH, identification.evidence());
        }
        List<String> clues = identification.clues(Evidence.Part.GROUP);
        List<String> strong = known.stream().filter(candidate -> GroupFit.of(candidate, clues) == GroupFit.STRONG).toList();
        if (strong.size() == 1) {
            return withGroup(pkg, strong.get(0), Confidence.HIGH, withoutGroup(identification.evidence()));
        }
        if (known.size() == 1 && GroupFit.of(known.first(), clues) == GroupFit.WEAK) {
            return withGroup(pkg, known.first(), Confidence.MEDIUM, withoutGroup(identification.evidence()));
        }
        if (group.isEmpty()) {
            failures.add(new AnalyzerFailure("maven-groups", pkg.path(), "identified only as " + artifactId + " "
                    + pkg.version() + " (no pom.properties); the vulnerability database knows " + artifactId + " under "
                    + String.join(", ", known) + ", and " + (strong.size() > 1 ? "the archive's evidence fits several"
                    : "none fits the archive's evidence" + clueText(clues))
                    + ", so its vulnerabilities were not checked: build it with Maven, or add pom.properties"));
        }
        return pkg;
    }

    /**
     * A renamed archive ({@code yaml.jar}) is named after the file, which the database does not know; its symbolic
     * or module name may still be exactly {@code groupId.artifactId} of a name the database knows
     * ({@code org.yaml.snakeyaml}).
     */
    private Package byClue(Package pkg) {
        Set<String> names = new TreeSet<>();
        Evidence decisive = null;
        for (Evidence hint : pkg.identification().hints()) {
            String clue = hint.value();
            for (int dot = clue.indexOf('.'); dot > 0; dot = clue.indexOf('.', dot + 1)) {
                String group = clue.substring(0, dot);
                String artifact = clue.substring(dot + 1);
                if (groupsByArtifact.getOrDefault(artifact, new TreeSet<>()).contains(group) && names.add(group + ":" + artifact)) {
                    decisive = hint;
                }
            }
        }
        if (names.size() != 1) {
            return pkg;
        }
        String name = names.iterator().next();
        String group = name.substring(0, name.indexOf(':'));
        String artifact = name.substring(name.indexOf(':') + 1);
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence(Evidence.Part.GROUP, EvidenceSource.VULNERABILITY_DATABASE, name));
        evidence.add(new Evidence(Evidence.Part.NAME, decisive.source(), decisive.value()));
        evidence.addAll(pkg.identification().evidenceFor(Evidence.Part.VERSION));
        Evidence used = decisive;
        List<Evidence> hints = pkg.identification().hints().stream().filter(hint -> !hint.equals(used)).toList();
        Purl purl = Purl.of(Ecosystem.MAVEN.purlType(), group, artifact, pkg.version());
        return pkg.renamed(name, purl, new Identification(Confidence.MEDIUM, evidence, hints));
    }

    private static List<Evidence> withoutGroup(List<Evidence> evidence) {
        return evidence.stream().filter(item -> item.part() != Evidence.Part.GROUP).toList();
    }

    private static Package withGroup(Package pkg, String group, Confidence confidence, List<Evidence> evidence) {
        List<Evidence> decided = new ArrayList<>();
        decided.add(new Evidence(Evidence.Part.GROUP, EvidenceSource.VULNERABILITY_DATABASE, group + ":" + pkg.purl().name()));
        decided.addAll(evidence);
        List<Evidence> hints = pkg.identification().hints().stream()
                .filter(hint -> GroupFit.of(group, List.of(hint.value())) == GroupFit.STRONG).toList();
        decided.addAll(hints);
        List<Evidence> remaining = pkg.identification().hints().stream().filter(hint -> !hints.contains(hint)).toList();
        Purl purl = Purl.of(Ecosystem.MAVEN.purlType(), group, pkg.purl().name(), pkg.version());
        return pkg.renamed(group + ":" + pkg.purl().name(), purl, new Identification(confidence, decided, remaining));
    }
}
