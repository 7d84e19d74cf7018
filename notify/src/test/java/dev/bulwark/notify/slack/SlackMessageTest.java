package dev.bulwark.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.bulwark.notify.outcome.FindingAdvice;
import dev.bulwark.notify.outcome.GateOutcome;
import dev.bulwark.policy.gate.Verdict;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.policy.vuln.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class SlackMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tellsWhichImageFailedAtWhichStageAndWhatToUpgrade() {
        SlackMessage message = SlackMessage.of(Outcomes.failingOnNetty());
        String everything = String.join("\n", texts(message));

        assertThat(texts(message).get(0)).isEqualTo(":no_entry: registry.example.com/team/app:1.4.2 failed the prod gate");
        assertThat(everything)
                .contains("*Stage* prod")
                .contains("*Findings* 1 high · 1 medium — 1 blocking")
                .contains("<https://nvd.nist.gov/vuln/detail/CVE-2023-44487|CVE-2023-44487>")
                .contains("upgrade io.netty:netty-codec-http2 from 4.1.97.Final to 4.1.100.Final")
                .contains("`image.runAsRoot` (fail): the image runs as root: add USER 10001 to the Dockerfile")
                .contains("<https://ci.example.com/job/app/42/|Open the build>")
                .doesNotContain("CVE-2023-45853");
        assertThat(message.text()).isEqualTo(":no_entry: registry.example.com/team/app:1.4.2 failed the prod gate:"
                + " 1 blocking finding (1 high · 1 medium) <https://ci.example.com/job/app/42/|build>");
    }

    @Test
    void showsTheFindingsThatCountWhenAWarningBlocksNothing() {
        GateOutcome failing = Outcomes.failingOnNetty();
        List<FindingAdvice> nonBlocking = failing.findings().stream()
                .map(a -> new FindingAdvice(a.finding(), a.title(), a.advice(), false, a.references())).toList();
        GateOutcome warning = Outcomes.outcome(new Verdict.Warn(Outcomes.judgement(List.of())), nonBlocking);

        List<String> texts = texts(SlackMessage.of(warning));

        assertThat(texts.get(0)).startsWith(":warning:").endsWith("passed with warnings the prod gate");
        assertThat(String.join("\n", texts)).contains("*Findings to look at*")
                .contains("CVE-2023-44487").contains("no fixed version of zlib1g yet");
    }

    @Test
    void listsTheWorstBlockingFindingsFirst() {
        List<String> texts = texts(SlackMessage.of(Outcomes.failingWith(8)));

        List<String> findings = texts.stream().filter(t -> t.startsWith("*<https://nvd")).toList();
        assertThat(findings).hasSize(8);
        assertThat(findings.subList(0, 2)).allSatisfy(t -> assertThat(t).contains("· critical"));
        assertThat(findings.get(2)).contains("· high");
    }

    @Test
    void staysWithinSlacksLimitsForAnImageWithHundredsOfFindings() {
        SlackMessage message = SlackMessage.of(Outcomes.failingWith(500));
        ArrayNode blocks = message.blocks();

        assertThat(blocks.size()).isLessThanOrEqualTo(SlackMessage.MAX_BLOCKS);
        assertThat(sectionTexts(blocks)).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(3000));
        assertThat(String.join("\n", texts(message)))
                .contains("…and 490 more: see the build's report")
                .contains("…and 20 more")
                .contains("*Findings* 72 critical · 428 high — 500 blocking");
        assertThat(message.text().length()).isLessThanOrEqualTo(SlackMessage.MAX_TEXT);
    }

    @Test
    void escapesTextSoAFindingCannotMentionTheChannelOrForgeALink() {
        FindingAdvice hostile = Outcomes.advice(Outcomes.finding("GHSA-xxxx-yyyy-zzzz",
                Purl.of("npm", "", "evil", "1.0.0"), Severity.CRITICAL, 9.8, "1.0.1"),
                "<!channel> see <https://evil.example|your bank> & more", "", true);
        GateOutcome outcome = Outcomes.outcome(new Verdict.Fail(Outcomes.judgement(List.of())), List.of(hostile));

        String everything = String.join("\n", texts(SlackMessage.of(outcome)));

        assertThat(everything).contains("&lt;!channel&gt; see &lt;https://evil.example|your bank&gt; &amp; more")
                .doesNotContain("<!channel>");
    }

    @Test
    void writesTheWebhookBodyWithTextAndBlocks() throws Exception {
        SlackMessage message = SlackMessage.of(Outcomes.failingOnNetty());

        JsonNode body = JSON.readTree(message.toJson());

        assertThat(body.get("text").asText()).isEqualTo(message.text());
        assertThat(body.get("blocks")).isEqualTo(message.blocks());
        assertThat(body.get("blocks").get(0).get("type").asText()).isEqualTo("header");
    }

    @Test
    void refusesAMessageSlackWouldRefuse() {
        ArrayNode tooMany = JSON.createArrayNode();
        for (int i = 0; i < 51; i++) {
            tooMany.add(Blocks.divider());
        }
        ArrayNode longSection = JSON.createArrayNode();
        longSection.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", "x".repeat(3001));

        assertThatThrownBy(() -> new SlackMessage("hi", tooMany)).hasMessageContaining("51 blocks; Slack takes 50 at most");
        assertThatThrownBy(() -> new SlackMessage("hi", longSection)).hasMessageContaining("block 0 (section) has 3001 characters");
        assertThatThrownBy(() -> new SlackMessage(" ", JSON.createArrayNode())).hasMessageContaining("fallback text");
    }

    @Test
    void cutsLongTextWithoutBreakingAnEscapeOrAnEmoji() {
        assertThat(Blocks.truncate("abc&amp;def", 6)).isEqualTo("abc…");
        assertThat(Blocks.truncate("ab\uD83D\uDE00cd", 4)).isEqualTo("ab…");
        assertThat(Blocks.truncate("short", 10)).isEqualTo("short");
    }

    @Test
    void givesOneGateRunOneIdempotencyKey() {
        GateOutcome run = Outcomes.failingOnNetty();
        GateOutcome sameRunAgain = Outcomes.failingOnNetty();
        GateOutcome otherBuild = new GateOutcome(run.imageRepository(), run.imageReference(), run.digest(), run.stage(),
                run.policyName(), run.verdict(), run.findings(), Optional.of(java.net.URI.create("https://ci.example.com/job/app/43/")), run.at());

        assertThat(SlackMessage.idempotencyKey(sameRunAgain)).isEqualTo(SlackMessage.idempotencyKey(run)).startsWith("slack-");
        assertThat(SlackMessage.idempotencyKey(otherBuild)).isNotEqualTo(SlackMessage.idempotencyKey(run));
    }

    private static List<String> texts(SlackMessage message) {
        List<String> texts = new ArrayList<>();
        for (JsonNode block : message.blocks()) {
            if (block.has("text")) {
                texts.add(block.get("text").get("text").asText());
            }
            block.path("elements").forEach(element -> texts.add(element.path("text").asText()));
        }
        return texts;
    }

    private static List<String> sectionTexts(ArrayNode blocks) {
        return StreamSupport.stream(blocks.spliterator(), false)
                .filter(block -> block.path("type").asText().equals("section"))
                .map(block -> block.path("text").path("text").asText()).toList();
    }
}
