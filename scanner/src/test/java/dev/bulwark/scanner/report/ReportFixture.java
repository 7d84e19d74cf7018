package dev.bulwark.scanner.report;

import dev.bulwark.policy.gate.Judgement;
import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.gate.Suppression;
import dev.bulwark.policy.gate.Verdict;
import dev.bulwark.policy.model.Action;
import dev.bulwark.policy.model.ExceptionRule;
import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.policy.pkg.PurlPattern;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.policy.vuln.Severity;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.image.ImageConfig;
import dev.bulwark.scanner.image.LayerBlob;
import dev.bulwark.scanner.image.LayerOrigin;
import dev.bulwark.scanner.image.ResolvedImage;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.model.OsRelease;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.match.Match;
import dev.bulwark.scanner.report.ScanReport.SuppressedMatch;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A fixed scan report built by hand, the input of every golden file: a Debian image with a Java web app and npm
 * modules; six counted findings (deb, Maven, npm; every severity band; with and without CVSS, fix and aliases),
 * one finding suppressed by an exception and one by a VEX statement; a failing verdict with warning reasons, a
 * denied package and an expired exception; two upgrades and two problems no upgrade fixes; a stale database used
 * by override; and a file that could not be analysed.
 */
final class ReportFixture {

    static final Instant CREATED = Instant.parse("2026-11-29T12:00:00Z");
    static final String LOWER_LAYER = "sha256:" + "1a".repeat(32);
    static final String APP_LAYER = "sha256:" + "2b".repeat(32);
    static final String WAR = "app/checkout.war";

    static final Package OPENSSL = pkg("deb", "openssl", "3.0.11-1~deb12u2",
            "pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12", "openssl", LOWER_LAYER, "var/lib/dpkg/status");
    static final Package LIBC = pkg("deb", "libc6", "2.36-9+deb12u4",
            "pkg:deb/debian/libc6@2.36-9+deb12u4?arch=amd64&distro=debian-12", "glibc", LOWER_LAYER, "var/lib/dpkg/status");
    static final Package ZLIB = pkg("deb", "zlib1g", "1:1.2.13.dfsg-1",
            "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12", "zlib", LOWER_LAYER, "var/lib/dpkg/status");
    static final Package LOG4J = pkg("maven", "org.apache.logging.log4j:log4j-core", "2.14.1",
            "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "", APP_LAYER, WAR + "!/WEB-INF/lib/log4j-core-2.14.1.jar");
    static final Package JACKSON = pkg("maven", "com.fasterxml.jackson.core:jackson-databind", "2.13.0",
            "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.0", "", APP_LAYER,
            WAR + "!/WEB-INF/lib/jackson-databind-2.13.0.jar");
    static final Package LODASH = pkg("npm", "lodash", "4.17.20", "pkg:npm/lodash@4.17.20", "", APP_LAYER,
            "app/node_modules/lodash/package.json");
    static final Package MINIMIST = pkg("npm", "minimist", "1.2.5", "pkg:npm/minimist@1.2.5", "", APP_LAYER,
            "app/node_modules/minimist/package.json");
    static final Package EVENT_STREAM = pkg("npm", "event-stream", "3.3.6", "pkg:npm/event-stream@3.3.6", "", APP_LAYER,
            "app/node_modules/event-stream/package.json");

    private ReportFixture() {
    }

    /** The report every golden file is written from. */
    static ScanReport report() {
        return report(UnaryOperator.identity());
    }

    /** The report, with each counted match changed first (to try hostile text, say). */
    static ScanReport report(UnaryOperator<Match> change) {
        Match log4shell = match(LOG4J, "CVE-2021-44228", Set.of("GHSA-jfh8-c2jp-5v3q"), Severity.CRITICAL, 10.0, "2.15.0",
                "Remote code execution in Log4j 2 via JNDI lookups in logged messages", "CVSS_V3 vector",
                "GitHub Advisory Database", "https://nvd.nist.gov/vuln/detail/CVE-2021-44228");
        Match glibc = match(LIBC, "CVE-2025-4802", Set.of(), Severity.CRITICAL, Double.NaN, "",
                "glibc: static setuid binary dlopen may incorrectly search LD_LIBRARY_PATH", "database_specific",
                "Debian Security Tracker", "https://security-tracker.debian.org/tracker/CVE-2025-4802");
        Match opensslHigh = match(OPENSSL, "CVE-2023-5363", Set.of("DSA-5532-1"), Severity.HIGH, 7.5, "3.0.13-1~deb12u1",
                "Incorrect cipher key and IV length processing", "CVSS_V3 vector", "Debian Security Tracker",
                "https://security-tracker.debian.org/tracker/CVE-2023-5363");
        Match lodash = match(LODASH, "CVE-2021-23337", Set.of("GHSA-35jh-r3h4-6jhm"), Severity.HIGH, 7.2, "4.17.21",
                "Command injection in lodash template", "CVSS_V3 vector", "GitHub Advisory Database",
                "https://github.com/advisories/GHSA-35jh-r3h4-6jhm");
        Match opensslMedium = match(OPENSSL, "CVE-2024-0727", Set.of(), Severity.MEDIUM, 5.5, "3.0.13-1~deb12u1",
                "PKCS12 decoding crashes on a NULL pointer", "CVSS_V3 vector", "Debian Security Tracker",
                "https://security-tracker.debian.org/tracker/CVE-2024-0727");
        Match zlib = match(ZLIB, "CVE-2023-45853", Set.of(), Severity.UNKNOWN, Double.NaN, "",
                "Integer overflow in minizip's zipOpenNewFileInZip4_64", "", "Debian Security Tracker", null);
        log4shell = published(log4shell, Instant.parse("2021-12-10T00:00:00Z"));
        List<Match> matches = List.of(log4shell, glibc, opensslHigh, lodash, opensslMedium, zlib).stream().map(change).toList();
        Match jackson = match(JACKSON, "CVE-2020-36518", Set.of("GHSA-57j2-w4cx-62h2"), Severity.HIGH, 7.5, "2.13.2.1",
                "Deeply nested JSON exhausts the Java stack", "CVSS_V3 vector", "GitHub Advisory Database",
                "https://github.com/advisories/GHSA-57j2-w4cx-62h2");
        Match minimist = match(MINIMIST, "CVE-2021-44906", Set.of("GHSA-xvch-5gv4-984h"), Severity.CRITICAL, 9.8, "1.2.6",
                "Prototype pollution in minimist", "CVSS_V3 vector", "GitHub Advisory Database",
                "https://github.com/advisories/GHSA-xvch-5gv4-984h");
        List<SuppressedMatch> suppressed = List.of(
                new SuppressedMatch(jackson, "exception", "CVE-2020-36518 in pkg:maven/com.fasterxml.jackson.core/jackson-databind"
                        + " (owner team-checkout, expires 2027-03-31): the gateway rejects JSON nested deeper than 64 levels"),
                new SuppressedMatch(minimist, "vex", "not_affected (vulnerable_code_not_in_execute_path) from vex/checkout.openvex.json"));
        return new ScanReport("0.1.0", CREATED, image(), matches, suppressed, Optional.of(verdict(matches, suppressed)),
                Optional.of("shop-production"), remediation(), Optional.of(database()));
    }

    private static Verdict verdict(List<Match> matches, List<SuppressedMatch> suppressed) {
        Finding log4shell = matches.get(0).finding();
        Finding glibc = matches.get(1).finding();
        List<Reason> reasons = List.of(
                new Reason("severity", Action.FAIL, log4shell.subject(), "critical severity: upgrade org.apache.logging.log4j/"
                        + "log4j-core from 2.14.1 to 2.15.0 or later"),
                new Reason("severity", Action.FAIL, glibc.subject(), "critical severity: no fixed version of libc6 yet: remove it,"
                        + " or accept the risk with an exception"),
                new Reason("deniedPackages", Action.FAIL, EVENT_STREAM.purl().toString(), "matches the denied pattern"
                        + " pkg:npm/event-stream at " + EVENT_STREAM.path() + ": remove the package or replace it"),
                new Reason("severity", Action.WARN, matches.get(2).finding().subject(), "high severity: upgrade openssl from"
                        + " 3.0.11-1~deb12u2 to 3.0.13-1~deb12u1 or later"),
                new Reason("severity", Action.WARN, matches.get(3).finding().subject(), "high severity: upgrade lodash from"
                        + " 4.17.20 to 4.17.21 or later"),
                new Reason("image.runAsRoot", Action.WARN, "image", "runs as root (no USER): add a non-root USER to the"
                        + " Dockerfile, such as USER 10001"));
        List<Suppression> suppressions = suppressed.stream()
                .map(entry -> new Suppression(entry.match().finding(), entry.by(), entry.reason())).toList();
        ExceptionRule expired = new ExceptionRule("CVE-2022-42889", PurlPattern.of("pkg:maven/org.apache.commons/commons-text"),
                null, List.of("production"), LocalDate.parse("2026-10-31"), "templates are constants, never user input",
                "team-checkout");
        return Verdict.of(new Judgement("production", reasons, suppressions, List.of(expired)));
    }

    private static Remediation remediation() {
        return new Remediation(List.of(
                new Upgrade(LOG4J, "2.15.0", List.of("CVE-2021-44228")),
                new Upgrade(OPENSSL, "3.0.13-1~deb12u1", List.of("CVE-2023-5363", "CVE-2024-0727"))), false,
                List.of("CVE-2025-4802 in " + LIBC.purl() + ": no fixed version yet",
                        "deniedPackages: " + EVENT_STREAM.purl() + " is denied: remove it"));
    }

    private static DatabaseSummary database() {
        return new DatabaseSummary(Instant.parse("2026-11-20T04:00:00Z"), Optional.of(Instant.parse("2026-11-19T22:13:05Z")),
                List.of("Debian Security Tracker", "GitHub Advisory Database"), 412_337, true, true);
    }

    static ScannedImage image() {
        ImageConfig config = new ImageConfig("linux", "amd64", "", Map.of("org.opencontainers.image.version", "1.4.2"),
                List.of("8080/tcp"), List.of("PATH=/usr/local/bin:/usr/bin:/bin"), List.of(), List.of("java", "-jar", WAR),
                List.of(), List.of(), List.of(LOWER_LAYER, APP_LAYER));
        List<LayerBlob> layers = List.of(layer(LOWER_LAYER, "3c"), layer(APP_LAYER, "4d"));
        ResolvedImage resolved = new ResolvedImage("registry.example.com/shop/checkout:1.4.2", "sha256:" + "9f".repeat(32),
                config, layers, 123_456_789);
        Inventory inventory = new Inventory(Optional.of(new OsRelease("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)")),
                List.of(OPENSSL, LIBC, ZLIB, LOG4J, JACKSON, LODASH, MINIMIST, EVENT_STREAM),
                List.of(new AnalyzerFailure("java-archive", WAR + "!/WEB-INF/lib/legacy-tags.jar",
                        "truncated archive: unexpected end of ZIP input")));
        return new ScannedImage(resolved, inventory, 0);
    }

    private static LayerBlob layer(String diffId, String digestByte) {
        return new LayerBlob(diffId, "sha256:" + digestByte.repeat(32), LayerOrigin.REGISTRY, () -> {
            throw new IOException("the report fixture has no layer bytes");
        });
    }

    static Package pkg(String ecosystem, String name, String version, String purl, String source, String layer, String path) {
        return new Package(Ecosystem.ofPurlType(ecosystem).orElseThrow(), name, version, Purl.parse(purl), source, source.isEmpty() ? "" : version, layer, path);
    }

    static Match match(Package pkg, String id, Set<String> aliases, Severity severity, double cvss, String fixed, String title,
                       String severitySource, String dataSource, String reference) {
        Finding finding = new Finding(id, aliases, pkg.purl(), pkg.path(), severity,
                Double.isNaN(cvss) ? OptionalDouble.empty() : OptionalDouble.of(cvss), fixed, Optional.empty());
        return new Match(finding, pkg, title, severitySource, reference == null ? List.of() : List.of(reference), dataSource);
    }

    private static Match published(Match match, Instant published) {
        Finding f = match.finding();
        Finding finding = new Finding(f.vulnerabilityId(), f.aliases(), f.pkg(), f.path(), f.severity(), f.cvssScore(),
                f.fixedVersion(), Optional.of(published));
        return new Match(finding, match.pkg(), match.title(), match.severitySource(), match.references(), match.dataSource());
    }

    /** The match with another title. */
    static Match retitled(Match match, String title) {
        return new Match(match.finding(), match.pkg(), title, match.severitySource(), match.references(), match.dataSource());
    }
}
