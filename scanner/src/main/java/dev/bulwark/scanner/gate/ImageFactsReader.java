package dev.bulwark.scanner.gate;

import dev.bulwark.policy.vuln.ImageFacts;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.image.ImageConfig;
import java.util.HashSet;
import java.util.Optional;

/** What the image rules judge, taken from the scanned image's config and OS release. */
final class ImageFactsReader {

    private ImageFactsReader() {
    }

    static ImageFacts of(ScannedImage scanned) {
        ImageConfig config = scanned.image().config();
        Optional<ImageFacts.Distro> distro = scanned.inventory().os()
                .map(os -> new ImageFacts.Distro(os.id(), os.versionId()));
        return new ImageFacts(scanned.image().name(), config.user(), config.labels(), new HashSet<>(config.exposedPorts()),
                scanned.image().size(), distro);
    }
}
