package dev.bulwark.agent.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declared programs named as the kernel will name them, inside a container root laid out in a temporary directory. */
class PriorsTest {

    @TempDir
    Path root;

    @Test
    void aDeclaredProgramIsNamedByItsRealPathThroughLinkedDirectories() throws Exception {
        // Debian since bookworm: /bin links to usr/bin, and sh to dash.
        Files.createDirectories(root.resolve("usr/bin"));
        Files.writeString(root.resolve("usr/bin/dash"), "ELF");
        Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
        Files.createSymbolicLink(root.resolve("usr/bin/sh"), Path.of("dash"));
        Files.createDirectories(root.resolve("opt/app"));
        Files.createSymbolicLink(root.resolve("opt/app/run"), Path.of("/bin/../bin/sh"));

        assertThat(Priors.resolve(root, "/bin/sh")).contains("/usr/bin/dash");
        assertThat(Priors.resolve(root, "sh")).contains("/usr/bin/dash");
        assertThat(Priors.resolve(root, "/opt/app/run")).contains("/usr/bin/dash");
        assertThat(Priors.resolve(root, "/bin/missing")).isEmpty();
    }

    @Test
    void aLinkLoopResolvesToNothing() throws Exception {
        Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("a"));

        assertThat(Priors.resolve(root, "/a")).isEmpty();
    }
}
