package dev.bulwark.scanner.analyzer;

import dev.bulwark.scanner.model.OsRelease;
import dev.bulwark.scanner.model.Package;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** What an analyzer made of a file. */
public sealed interface AnalyzerOutcome permits AnalyzerOutcome.Found, AnalyzerOutcome.NotApplicable, AnalyzerOutcome.Failed {

    /**
     * The value of the function for this outcome's kind, so that a new kind does not compile until every consumer
     * handles it.
     *
     * @param <R> what the functions return
     * @return the chosen function's value
     */
    <R> R match(Function<Found, R> found, Function<NotApplicable, R> notApplicable, Function<Failed, R> failed);

    /**
     * Packages (and perhaps the OS release) found in the file.
     *
     * @param packages what the file records
     * @param os       the OS release, for release files
     * @param problems parts of the file that could not be read (a corrupt jar inside a war, say): the packages
     *                 found in the rest of the file stand, and the scan reports these beside them
     */
    record Found(List<Package> packages, Optional<OsRelease> os, List<Failed> problems) implements AnalyzerOutcome {
        public Found {
            packages = List.copyOf(packages);
            os = Objects.requireNonNullElse(os, Optional.empty());
            problems = List.copyOf(Objects.requireNonNullElse(problems, List.of()));
        }

        public Found(List<Package> packages, Optional<OsRelease> os) {
            this(packages, os, List.of());
        }

        public static Found packages(List<Package> packages) {
            return new Found(packages, Optional.empty());
        }

        @Override
        public <R> R match(Function<Found, R> found, Function<NotApplicable, R> notApplicable, Function<Failed, R> failed) {
            return found.apply(this);
        }
    }

    /** The file turned out not to be of the analyzer's format (a jar that is not a zip, say). */
    record NotApplicable(String why) implements AnalyzerOutcome {
        @Override
        public <R> R match(Function<Found, R> found, Function<NotApplicable, R> notApplicable, Function<Failed, R> failed) {
            return notApplicable.apply(this);
        }
    }

    /** The file is of the format but could not be read; the scan goes on and reports this. */
    record Failed(String analyzer, String path, String reason) implements AnalyzerOutcome {
        @Override
        public <R> R match(Function<Found, R> found, Function<NotApplicable, R> notApplicable, Function<Failed, R> failed) {
            return failed.apply(this);
        }
    }
}
