package dev.bulwark.cli.image;

import dev.bulwark.scanner.model.ImageRef;
import dev.bulwark.scanner.source.RegistryRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** An image in a registry, named by tag or digest, and what is attached to it: {@code bulwark verdict}, {@code bulwark profile pull}. */
public final class RegistryImage {

    @Parameters(index = "0", paramLabel = "IMAGE", description = "REGISTRY/REPOSITORY:TAG or @DIGEST")
    private String image;

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]", description = "a registry reached over plain HTTP; repeatable")
    private List<String> insecure = new ArrayList<>();

    /** The image as given. */
    public String name() {
        return image;
    }

    /** Its repository, and the digest of the manifest it names there. */
    public Located locate() {
        ImageRef ref = ImageRef.parse(image);
        RegistryRepository repository = RegistryRepository.of(ref, Set.copyOf(insecure));
        return new Located(repository, repository.manifest(ref.optionalDigest().orElse(ref.tag())).digest());
    }

    /** A registry image found: its repository and manifest digest. */
    public record Located(RegistryRepository repository, String digest) {
    }
}
