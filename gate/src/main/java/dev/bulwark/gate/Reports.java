package dev.bulwark.gate;

import dev.bulwark.scanner.report.ReportWriter;
import dev.bulwark.scanner.report.ScanReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes one run's reports, each whole or not at all, with the files a format needs beside it (the HTML report's
 * stylesheet): a judged image is scanned and judged once, however many reports are wanted.
 */
public final class Reports {

    private Reports() {
    }

    /**
     * Writes every report.
     *
     * @param stdout where a report without a file goes
     * @param log    where to say what could not be written beside a report on standard output
     * @return the files written, reports and companions
     * @throws IllegalArgumentException when more than one report would go to standard output
     */
    public static List<Path> write(ScanReport report, List<ReportTarget> targets, PrintWriter stdout, PrintWriter log) {
        if (targets.stream().filter(target -> target.file().isEmpty()).count() > 1) {
            throw new IllegalArgumentException("only one report can go to standard output: give the others a file (FORMAT=FILE)");
        }
        List<Path> written = new ArrayList<>();
        for (ReportTarget target : targets) {
            ReportWriter writer = ReportWriter.of(target.format());
            String document = writer.write(report);
            if (target.file().isEmpty()) {
                stdout.print(document);
                stdout.flush();
                writer.companions().keySet().forEach(name -> log.println("bulwark: the " + target.format() + " report needs "
                        + name + " beside it, which is written only beside a report file"));
                log.flush();
                continue;
            }
            Path file = target.file().get();
            AtomicFiles.write(file, document);
            written.add(file);
            for (Map.Entry<String, String> companion : writer.companions().entrySet()) {
                Path beside = file.toAbsolutePath().resolveSibling(companion.getKey());
                AtomicFiles.write(beside, companion.getValue());
                written.add(beside);
            }
        }
        return written;
    }
}
