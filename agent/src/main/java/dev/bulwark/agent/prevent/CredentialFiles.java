package dev.bulwark.agent.prevent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The credential and secret files attackers read, as they exist in one container: password hashes, sudo rules, SSH
 * keys (root's and the host keys), TLS private keys and the secrets Docker and Kubernetes mount.
 */
final class CredentialFiles {

    private static final List<String> FILES = List.of("/etc/shadow", "/etc/gshadow", "/etc/shadow-", "/etc/gshadow-",
            "/etc/sudoers");
    private static final List<String> DIRECTORIES = List.of("/root/.ssh", "/etc/ssh", "/etc/ssl/private", "/run/secrets",
            "/var/run/secrets", "/etc/sudoers.d");
    private static final int MAX_PER_DIRECTORY = 200;
    private static final System.Logger LOG = System.getLogger(CredentialFiles.class.getName());

    private CredentialFiles() {
    }

    /** The container paths of the credential files present (regular files, links resolved inside the container). */
    static List<String> present(ContainerFiles files) {
        List<String> found = new ArrayList<>();
        for (String file : FILES) {
            files.resolve(file).filter(real -> regular(files, real)).ifPresent(real -> addOnce(found, real));
        }
        for (String directory : DIRECTORIES) {
            files.resolve(directory).ifPresent(real -> {
                Path host = files.hostPath(real);
                try (Stream<Path> entries = Files.walk(host, 3)) {
                    entries.limit(MAX_PER_DIRECTORY).filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                            .filter(path -> !directory.equals("/etc/ssh") || path.getFileName().toString().startsWith("ssh_host_")
                                    && !path.getFileName().toString().endsWith(".pub"))
                            .forEach(path -> addOnce(found, real + "/" + host.relativize(path)));
                } catch (IOException | java.io.UncheckedIOException e) {
                    LOG.log(System.Logger.Level.DEBUG, directory + " is not there or not readable: nothing in it to guard", e);
                }
            });
        }
        return found;
    }

    private static boolean regular(ContainerFiles files, String real) {
        return Files.isRegularFile(files.hostPath(real), LinkOption.NOFOLLOW_LINKS);
    }

    private static void addOnce(List<String> found, String path) {
        if (!found.contains(path)) {
            found.add(path);
        }
    }
}
