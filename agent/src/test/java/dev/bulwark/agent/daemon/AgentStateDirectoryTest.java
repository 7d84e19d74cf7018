package dev.bulwark.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentStateDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void createsTheStateDirectoryForItsOwnerAlone() throws Exception {
        Path state = temp.resolve("var/lib/bulwark");

        AgentStateDirectory.prepare(state);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
    }

    @Test
    void takesOthersPermissionsAwayFromAnExistingStateDirectory() throws Exception {
        Path state = Files.createDirectory(temp.resolve("state"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(state.resolve("audit.jsonl"), "{}\n");

        AgentStateDirectory.prepare(state);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        assertThat(state.resolve("audit.jsonl")).hasContent("{}");
    }
}
