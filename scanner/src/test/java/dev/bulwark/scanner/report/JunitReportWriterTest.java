package dev.bulwark.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportWriterTest {

    @Test
    void countsTestsFailuresAndSkipsAsTheTestCasesDo() throws Exception {
        Element suite = (Element) parse(ReportWriter.of(ReportFormat.JUNIT).write(ReportFixture.report()))
                .getElementsByTagName("testsuite").item(0);
        List<Element> cases = children(suite, "testcase");

        assertThat(cases).hasSize(11);
        assertThat(suite.getAttribute("tests")).isEqualTo("11");
        assertThat(suite.getAttribute("failures")).isEqualTo("8")
                .isEqualTo(String.valueOf(cases.stream().filter(c -> !children(c, "failure").isEmpty()).count()));
        assertThat(suite.getAttribute("skipped")).isEqualTo("3")
                .isEqualTo(String.valueOf(cases.stream().filter(c -> !children(c, "skipped").isEmpty()).count()));
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-29T12:00:00");
    }

    @Test
    void failsEveryUnsuppressedFindingAndTypesItByWhatTheGateMadeOfIt() throws Exception {
        List<Element> cases = cases(ReportWriter.of(ReportFormat.JUNIT).write(ReportFixture.report()));
        List<Element> failing = cases.stream().filter(c -> !children(c, "failure").isEmpty()).toList();

        assertThat(failing).hasSize(8);
        assertThat(failing.stream().filter(c -> {
            String type = children(c, "failure").get(0).getAttribute("type");
            return !type.startsWith("warn:") && !type.equals("finding");
        }).map(c -> c.getAttribute("name"))).as("the cases the verdict rests on")
                .containsExactly("CVE-2021-44228", "CVE-2025-4802", "deniedPackages: pkg:npm/event-stream@3.3.6");
        assertThat(failing.stream().map(c -> children(c, "failure").get(0).getAttribute("type")))
                .anySatisfy(type -> assertThat(type).startsWith("warn:")).contains("finding");
        Element log4shell = cases.get(0);
        assertThat(log4shell.getAttribute("classname")).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        Element failure = children(log4shell, "failure").get(0);
        assertThat(failure.getAttribute("type")).isEqualTo("severity");
        assertThat(failure.getTextContent()).contains("Upgrade org.apache.logging.log4j:log4j-core from 2.14.1 to 2.15.0.");
    }

    @Test
    void skipsSuppressedFindingsSayingWhatSuppressedThem() throws Exception {
        List<Element> cases = cases(ReportWriter.of(ReportFormat.JUNIT).write(ReportFixture.report()));

        assertThat(cases.stream().flatMap(c -> children(c, "skipped").stream()).map(s -> s.getAttribute("message")))
                .containsExactly("suppressed by vex: not_affected (vulnerable_code_not_in_execute_path) from vex/checkout.openvex.json",
                        "suppressed by exception: CVE-2020-36518 in pkg:maven/com.fasterxml.jackson.core/jackson-databind"
                                + " (owner team-checkout, expires 2027-03-31): the gateway rejects JSON nested deeper than 64 levels",
                        "not analysed by java-archive: truncated archive: unexpected end of ZIP input");
    }

    @Test
    void staysWellFormedWhateverTheAdvisoryTextHolds() throws Exception {
        String hostile = "<script>alert(\"x\")</script> & ]]> \u0000\u0007 'quoted'\nsecond line";
        ScanReport report = ReportFixture.report(match -> ReportFixture.retitled(match, hostile));

        List<Element> cases = cases(ReportWriter.of(ReportFormat.JUNIT).write(report));

        assertThat(children(cases.get(0), "failure").get(0).getTextContent())
                .startsWith("<script>alert(\"x\")</script> & ]]> \uFFFD\uFFFD 'quoted'\nsecond line");
    }

    private static List<Element> cases(String xml) throws Exception {
        return children((Element) parse(xml).getElementsByTagName("testsuite").item(0), "testcase");
    }

    /** Parses as a careful consumer would: no DOCTYPE, so no external entities either. */
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }
}
