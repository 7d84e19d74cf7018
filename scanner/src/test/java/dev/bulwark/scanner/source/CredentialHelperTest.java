package dev.bulwark.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.scanner.image.ImageFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docker credential helpers as the Docker CLI runs them: real programs, found by name, asked with get. */
class CredentialHelperTest {

    @TempDir
    Path temp;

    private Path config(String json) throws Exception {
        Path file = temp.resolve("config.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void readsWhatAHelperAnswersAndTakesItsRefusalAsNoCredentials() throws Exception {
        Path file = config("{\"credsStore\": \"bulwarkcat\"}");
        Path helper = temp.resolve("docker-credential-bulwarkcat");
        Files.writeString(helper, "#!/bin/sh\nread server\ncase \"$server\" in\n"
                + "  registry.example.com) echo '{\"ServerURL\":\"registry.example.com\",\"Username\":\"ci\",\"Secret\":\"s3cret\"}' ;;\n"
                + "  *) echo 'credentials not found in native keychain'; exit 1 ;;\nesac\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));

        CredentialHelper cat = new CredentialHelper(helper.toString(), file);

        assertThat(cat.get("registry.example.com")).contains(new RegistryCredentials("ci", "s3cret"));
        assertThat(cat.get("unknown.example.com")).isEmpty();
        assertThat(new RegistryCredentials("ci", "s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void saysWhichHelperIsMissingAndWhereItWasNamed() throws Exception {
        Path file = config("{\"credsStore\": \"nosuchhelper\"}");

        assertThatThrownBy(() -> RegistryCredentials.fromFile(file, "registry.example.com"))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("docker-credential-nosuchhelper").hasMessageContaining(file.toString())
                .hasMessageContaining("not on the PATH");
    }
}
