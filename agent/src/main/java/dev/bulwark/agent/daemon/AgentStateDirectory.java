package dev.bulwark.agent.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The agent's state directory, open to its owner alone (mode 0700): the audit log holds the command lines of
 * processes in containers, which can carry passwords and tokens, and the files in the directory are created with
 * the process's umask (SQLite's files 0644 under the usual 022).
 */
final class AgentStateDirectory {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private AgentStateDirectory() {
    }

    /** Creates the directory with mode 0700, or takes an existing one's group and other permissions away, saying so. */
    static void prepare(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            Set<PosixFilePermission> before = Files.getPosixFilePermissions(directory);
            if (!before.equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(directory, OWNER_ONLY);
                AgentLog.info("the state directory " + directory + " was " + PosixFilePermissions.toString(before)
                        + "; it is rwx------ now, since its audit log holds containers' command lines");
            }
        } catch (UnsupportedOperationException notPosix) {
            AgentLog.warn("the state directory " + directory + " is on a file system without POSIX permissions: keep it"
                    + " where only root can read it, since its audit log holds containers' command lines");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create or protect the state directory " + directory + " (" + e.getMessage()
                    + "): set stateDir in the agent configuration to a directory root can write", e);
        }
    }
}
