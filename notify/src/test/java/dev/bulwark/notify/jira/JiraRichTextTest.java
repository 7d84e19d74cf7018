package dev.bulwark.notify.jira;

import static dev.bulwark.notify.jira.RichText.code;
import static dev.bulwark.notify.jira.RichText.paragraph;
import static dev.bulwark.notify.jira.RichText.plain;
import static dev.bulwark.notify.jira.RichText.strong;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class JiraRichTextTest {

    private static final RichText SAMPLE = RichText.of(
            paragraph(strong("CVE-1"), plain(" in "), code("pkg:npm/left_pad@1.0.0")),
            new RichText.Heading("References"),
            new RichText.Bullets(List.of(paragraph(new RichText.Link("advisory", URI.create("https://example.com/a"))))));

    @Test
    void writesWikiMarkupForDataCenter() {
        assertThat(WikiMarkupWriter.write(SAMPLE)).isEqualTo(
                "*CVE-1* in {{pkg:npm/left\\_pad@1.0.0}}\n\nh3. References\n\n* [advisory|https://example.com/a]");
    }

    @Test
    void escapesMarkupCharactersInFindingTextSoTheyShowAsWritten() {
        RichText advice = RichText.of(paragraph(plain("- upgrade *all* of [lib] {now} | see ^1 ~2 +3 !4 ??5")));

        assertThat(WikiMarkupWriter.write(advice))
                .isEqualTo("\\- upgrade \\*all\\* of \\[lib\\] \\{now\\} \\| see \\^1 \\~2 \\+3 \\!4 \\?\\?5");
    }

    @Test
    void writesAtlassianDocumentFormatForCloud() throws Exception {
        String expected = """
                {"type":"doc","version":1,"content":[
                  {"type":"paragraph","content":[
                    {"type":"text","text":"CVE-1","marks":[{"type":"strong"}]},
                    {"type":"text","text":" in "},
                    {"type":"text","text":"pkg:npm/left_pad@1.0.0","marks":[{"type":"code"}]}]},
                  {"type":"heading","attrs":{"level":3},"content":[{"type":"text","text":"References"}]},
                  {"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[
                    {"type":"text","text":"advisory","marks":[{"type":"link","attrs":{"href":"https://example.com/a"}}]}]}]}]}]}
                """;

        assertThat(AdfWriter.document(SAMPLE)).isEqualTo(new ObjectMapper().readTree(expected));
    }

    @Test
    void dropsEmptyTextAndLineBreaksWhichAdfRefuses() {
        RichText text = RichText.of(paragraph(plain(""), plain("two\nlines")));

        assertThat(AdfWriter.document(text).path("content").get(0).path("content")).hasSize(1);
        assertThat(WikiMarkupWriter.write(text)).isEqualTo("two lines");
    }
}
