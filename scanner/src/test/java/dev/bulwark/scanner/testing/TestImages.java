package dev.bulwark.scanner.testing;

import dev.bulwark.scanner.ImageScanner;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.docker.DockerEngine;
import dev.bulwark.scanner.model.ScanLimits;
import dev.bulwark.scanner.source.DaemonSource;
import dev.bulwark.scanner.model.ImageRef;
import java.util.Optional;

/** Scans the locally built test images (testing/images/build.sh) from the Docker engine, without a cache. */
public final class TestImages {

    private TestImages() {
    }

    public static ScannedImage scan(String image) {
        try (DockerEngine engine = DockerEngine.fromEnvironment();
             DaemonSource source = new DaemonSource(engine, ImageRef.parse(image))) {
            return new ImageScanner(Analyzers.all(), ScanLimits.DEFAULTS, Optional.empty()).scan(source);
        }
    }
}
