package dev.bulwark.scanner.sbom;

import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.model.Package;
import java.time.Instant;
import java.util.List;

/** A table for terminals: one package a line, then the files that could not be analysed. */
final class TableSbomWriter implements SbomWriter {

    @Override
    public String write(ScannedImage image, Instant createdAt) {
        List<Package> packages = image.inventory().packages();
        int nameWidth = Math.min(48, Math.max(4, packages.stream().mapToInt(p -> p.name().length()).max().orElse(4)));
        int versionWidth = Math.min(32, Math.max(7, packages.stream().mapToInt(p -> p.version().length()).max().orElse(7)));
        StringBuilder out = new StringBuilder();
        out.append(image.image().name()).append(" (").append(image.image().id()).append(")\n");
        image.inventory().os().ifPresent(os -> out.append("OS: ").append(os.prettyName()).append('\n'));
        out.append(packages.size()).append(" packages\n\n");
        String format = "%-9s %-" + nameWidth + "s %-" + versionWidth + "s %s%n";
        out.append(String.format(format, "TYPE", "NAME", "VERSION", "PATH"));
        for (Package pkg : packages) {
            out.append(String.format(format, pkg.purl().type(), cut(pkg.name(), nameWidth), cut(pkg.version(), versionWidth), pkg.path()));
        }
        if (!image.inventory().failures().isEmpty()) {
            out.append("\nNot analysed (").append(image.inventory().failures().size()).append("):\n");
            for (AnalyzerFailure failure : image.inventory().failures()) {
                out.append("  ").append(failure.path()).append(": ").append(failure.reason()).append(" [").append(failure.analyzer()).append("]\n");
            }
        }
        return out.toString();
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
