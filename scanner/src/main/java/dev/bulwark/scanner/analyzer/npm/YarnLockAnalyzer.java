package dev.bulwark.scanner.analyzer.npm;

import dev.bulwark.policy.pkg.InvalidPurlException;
import dev.bulwark.scanner.analyzer.Analyzer;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Yarn lockfiles ({@code yarn.lock}) of a project, not of a package inside {@code node_modules}: the classic
 * v1 format and the YAML format of Yarn 2 and later ("berry"), told apart by berry's {@code __metadata} entry.
 * Reports each npm registry package once; workspaces, patches, git, tarball and folder dependencies are left out
 * (a patch entry stands beside the plain npm entry of the package it patches, which is reported).
 */
public final class YarnLockAnalyzer implements Analyzer {

    private static final String FILE_NAME = "yarn.lock";
    private static final Pattern BERRY_METADATA = Pattern.compile("(?m)^__metadata:");

    @Override
    public String name() {
        return "yarn-lock";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(String path, long size) {
        return NodeModulesPaths.hasFileName(path, FILE_NAME) && !NodeModulesPaths.isInsideNodeModules(path);
    }

    @Override
    public AnalyzerOutcome analyze(AnalyzerInput input) {
        String text = input.text();
        try {
            List<NpmCoordinates> locked = BERRY_METADATA.matcher(text).find()
                    ? YarnBerryLock.read(input.content()) : YarnClassicLock.read(text);
            return AnalyzerOutcome.Found.packages(locked.stream().filter(NpmCoordinates::fromRegistry).distinct()
                    .map(coordinates -> coordinates.toPackage(input.imagePath())).toList());
        } catch (MalformedNpmFileException | InvalidPurlException e) {
            return NpmJson.failed(name(), input, e);
        }
    }
}
