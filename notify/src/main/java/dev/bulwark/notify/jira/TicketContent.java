package dev.bulwark.notify.jira;

import static dev.bulwark.notify.jira.RichText.code;
import static dev.bulwark.notify.jira.RichText.paragraph;
import static dev.bulwark.notify.jira.RichText.plain;
import static dev.bulwark.notify.jira.RichText.strong;

import dev.bulwark.notify.outcome.FindingAdvice;
import dev.bulwark.notify.outcome.GateOutcome;
import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.vuln.Finding;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What Bulwark's tickets and comments say: summaries, descriptions and comments, format-neutral. */
final class TicketContent {

    private TicketContent() {
    }

    /** {@code [Bulwark] CVE-… in <package> (<image repository>)}. */
    static String vulnerabilitySummary(GateOutcome outcome, List<FindingAdvice> advice) {
        Set<String> packages = advice.stream().map(a -> packageName(a.finding())).collect(Collectors.toCollection(LinkedHashSet::new));
        String names = packages.size() <= 3 ? String.join(", ", packages)
                : packages.stream().limit(2).collect(Collectors.joining(", ")) + " and " + (packages.size() - 2) + " more";
        return "[Bulwark] " + advice.get(0).finding().vulnerabilityId() + " in " + names + " (" + outcome.imageRepository() + ")";
    }

    /** {@code [Bulwark] N blocking vulnerabilities in <image> at <stage>}. */
    static String buildSummary(GateOutcome outcome, List<FindingAdvice> blocking) {
        String count = blocking.size() == 1 ? "1 blocking vulnerability" : blocking.size() + " blocking vulnerabilities";
        return "[Bulwark] " + count + " in " + outcome.imageReference() + " at " + outcome.stage();
    }

    /** One vulnerability: where it blocks, the affected packages, what to do, references and the build. */
    static RichText vulnerabilityDescription(GateOutcome outcome, List<FindingAdvice> advice, String label) {
        Finding first = advice.get(0).finding();
        List<RichText.Block> blocks = new ArrayList<>();
        blocks.add(paragraph(strong(first.vulnerabilityId()), plain(" (" + severity(first) + ") blocks "),
                code(outcome.imageReference()), plain(" at stage "), strong(outcome.stage()), policy(outcome), plain(".")));
        if (!advice.get(0).title().isBlank()) {
            blocks.add(paragraph(plain(advice.get(0).title())));
        }
        blocks.add(new RichText.Heading("Affected packages"));
        blocks.add(new RichText.Bullets(advice.stream().map(a -> affected(a.finding())).toList()));
        blocks.add(new RichText.Heading("What to do"));
        blocks.add(new RichText.Bullets(advice.stream().map(FindingAdvice::advice).filter(text -> !text.isBlank())
                .distinct().map(text -> paragraph(plain(text))).toList()));
        List<String> references = advice.stream().flatMap(a -> a.references().stream()).distinct().toList();
        if (!references.isEmpty()) {
            blocks.add(new RichText.Heading("References"));
            blocks.add(new RichText.Bullets(references.stream().map(ref -> paragraph(reference(ref))).toList()));
        }
        blocks.add(new RichText.Heading("Found by"));
        blocks.add(where(outcome));
        blocks.add(paragraph(plain("Bulwark finds this ticket again by its label "), code(label), plain(": it comments when"
                + " a build finds the vulnerability again and resolves the ticket when a build no longer finds it."
                + " Keep the label.")));
        return new RichText(blocks);
    }

    /** One build: every blocking vulnerability with what to do. */
    static RichText buildDescription(GateOutcome outcome, List<FindingAdvice> blocking, String label) {
        List<RichText.Block> blocks = new ArrayList<>();
        blocks.add(paragraph(plain("Bulwark's gate stopped "), code(outcome.imageReference()), plain(" at stage "),
                strong(outcome.stage()), policy(outcome), plain(".")));
        blocks.add(new RichText.Heading("Blocking vulnerabilities"));
        blocks.add(new RichText.Bullets(blocking.stream().map(a -> paragraph(strong(a.finding().vulnerabilityId()),
                plain(" (" + severity(a.finding()) + ") in "), code(a.finding().pkg().toString()),
                plain(a.advice().isBlank() ? "" : ": " + a.advice()))).toList()));
        blocks.add(new RichText.Heading("Found by"));
        blocks.add(where(outcome));
        blocks.add(paragraph(plain("Bulwark keeps one open ticket per image repository and stage, for the latest failing"
                + " build, and resolves it when a later build replaces it. Its label is "), code(label), plain(".")));
        return new RichText(blocks);
    }

    /** A ticket for a vulnerability that came back after its earlier tickets were resolved. */
    static RichText withEarlierTickets(RichText description, List<String> earlierKeys) {
        List<RichText.Block> blocks = new ArrayList<>(description.blocks());
        blocks.add(1, paragraph(plain("This came back: Bulwark resolved " + String.join(", ", earlierKeys)
                + " for it earlier.")));
        return new RichText(blocks);
    }

    static RichText seenAgain(GateOutcome outcome) {
        return RichText.of(atStage("Seen again in ", outcome, "."));
    }

    static RichText noLongerFound(GateOutcome outcome) {
        return RichText.of(atStage("No longer found in ", outcome, ": fixed, or accepted by an exception or VEX statement"
                + " in the policy. Bulwark resolved this ticket and opens a new one if the vulnerability comes back."));
    }

    static RichText replacedByLaterBuild(GateOutcome outcome) {
        boolean failing = outcome.findings().stream().anyMatch(FindingAdvice::blocking);
        return RichText.of(atStage("Replaced by a later build: ", outcome, failing
                ? " has a ticket of its own." : " has no blocking vulnerability."));
    }

    private static RichText.Paragraph atStage(String lead, GateOutcome outcome, String tail) {
        List<RichText.Inline> inlines = new ArrayList<>(List.of(plain(lead), code(outcome.imageReference()),
                plain(" at stage "), strong(outcome.stage())));
        outcome.buildUrl().ifPresent(url -> {
            inlines.add(plain(", build "));
            inlines.add(RichText.link(url));
        });
        inlines.add(plain(tail));
        return new RichText.Paragraph(inlines);
    }

    private static RichText.Paragraph affected(Finding finding) {
        String fix = finding.isFixable() ? ", fixed in " + finding.fixedVersion() : ", no fixed version yet";
        String installed = finding.pkg().version().isEmpty() ? "" : ": installed " + finding.pkg().version();
        String path = finding.path().isEmpty() ? "" : " (" + finding.path() + ")";
        return paragraph(code(finding.pkg().toString()), plain(installed + fix + path));
    }

    private static RichText.Paragraph where(GateOutcome outcome) {
        List<RichText.Inline> inlines = new ArrayList<>(List.of(plain("Image "), code(outcome.imageReference())));
        if (!outcome.digest().isEmpty()) {
            inlines.add(plain(", digest "));
            inlines.add(code(outcome.digest()));
        }
        outcome.buildUrl().ifPresent(url -> {
            inlines.add(plain(", build "));
            inlines.add(RichText.link(url));
        });
        inlines.add(plain(", " + outcome.at() + "."));
        return new RichText.Paragraph(inlines);
    }

    private static RichText.Inline policy(GateOutcome outcome) {
        return plain(outcome.policyName().isEmpty() ? "" : " under policy " + outcome.policyName());
    }

    private static RichText.Inline reference(String reference) {
        try {
            URI uri = URI.create(reference.strip());
            return uri.isAbsolute() ? RichText.link(uri) : plain(reference);
        } catch (IllegalArgumentException notAUri) {
            return plain(reference);
        }
    }

    private static String severity(Finding finding) {
        return finding.severity().word()
                + (finding.cvssScore().isPresent() ? ", CVSS " + finding.cvssScore().getAsDouble() : "");
    }

    /** The name people know a package by: {@code openssl}, {@code org.example:lib}, {@code golang.org/x/net}. */
    static String packageName(Finding finding) {
        return Ecosystem.displayName(finding.pkg());
    }
}
