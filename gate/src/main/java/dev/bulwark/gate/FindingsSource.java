package dev.bulwark.gate;

import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.match.Match;
import dev.bulwark.scanner.report.DatabaseSummary;
import java.util.List;
import java.util.Optional;

/**
 * What a scan found, whoever found it: Bulwark's own scanner and database, or Trivy.
 *
 * @param image    the image and its inventory
 * @param matches  the vulnerabilities found
 * @param database the database used, when Bulwark matched
 */
record FindingsSource(ScannedImage image, List<Match> matches, Optional<DatabaseSummary> database) {
}
