package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.cli.BulwarkCommand;
import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.scanner.db.DbUpdater;
import dev.bulwark.scanner.image.ImageFormatException;
import dev.bulwark.scanner.promote.VerdictAttachment;
import dev.bulwark.scanner.model.ImageRef;
import dev.bulwark.scanner.source.RegistryRepository;
import dev.bulwark.scanner.testing.Containers;
import dev.bulwark.scanner.testing.LocalRegistry;
import dev.bulwark.store.posture.PostureDatabase;
import dev.bulwark.store.posture.PostureQueries;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Promotion between two real registries (Debian's docker-registry on two loopback ports), decided by the gate. */
class PromotionTest {

    private static final Path POLICIES = Path.of("..", "examples", "policies");

    @TempDir
    static Path temp;

    private static LocalRegistry dev;
    private static LocalRegistry prod;
    private static Path db;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startRegistriesAndPushTheTestImages() {
        dev = LocalRegistry.start(temp.resolve("dev-storage"), temp, Optional.empty());
        prod = LocalRegistry.start(temp.resolve("prod-storage"), temp, Optional.empty());
        push("bulwark-test/busybox:latest", dev.address() + "/team/app:1");
        push("bulwark-test/node:latest", dev.address() + "/team/node:1");
        db = temp.resolve("osv.db");
        new DbUpdater(Clock.systemUTC(), line -> { }).update(db, List.of(Corpora.corpus("osv-ghsa/npm").toString()));
    }

    @AfterAll
    static void stopRegistries() {
        dev.close();
        prod.close();
    }

    private static void push(String image, String target) {
        Containers.exec(List.of("docker", "tag", image, target));
        Containers.exec(List.of("docker", "push", "--quiet", target));
        Containers.exec(List.of("docker", "rmi", target));
    }

    private int promote(String source, String destination, String policy, String stage) {
        CommandLine commandLine = BulwarkCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute("promote", source, destination, "--policy", POLICIES.resolve(policy).toString(),
                "--stage", stage, "--db", db.toString(), "--no-cache", "--format", "json", "--posture", temp.resolve("posture.db").toString());
    }

    private static RegistryRepository repository(String image) {
        return RegistryRepository.of(ImageRef.parse(image), Set.of());
    }

    @Test
    void promotesAPassingImageWithTheSameDigestAndItsVerdict() {
        String source = dev.address() + "/team/app:1";
        String destination = prod.address() + "/team/app:1";

        int exit = promote(source, destination, "dev-lenient.yaml", "dev");

        assertThat(exit).as(err.toString()).isZero();
        String sourceDigest = repository(source).manifest("1").digest();
        String promotedDigest = repository(destination).manifest("1").digest();
        assertThat(promotedDigest).isEqualTo(sourceDigest);
        assertThat(VerdictAttachment.read(repository(destination), promotedDigest)).hasValueSatisfying(verdict -> {
            assertThat(verdict.verdict()).isEqualTo("warn");
            assertThat(verdict.stage()).isEqualTo("dev");
            assertThat(verdict.policy()).isEqualTo("dev-lenient");
            assertThat(verdict.policyDigest()).startsWith("sha256:");
            assertThat(verdict.databaseBuiltAt()).isNotNull();
        });
        assertThat(err.toString()).contains("promoted to " + destination);
        try (PostureDatabase posture = PostureDatabase.open(temp.resolve("posture.db").toString())) {
            String imageId = Containers.exec(List.of("docker", "image", "inspect", "-f", "{{.Id}}", "bulwark-test/busybox:latest")).strip();
            assertThat(new PostureQueries(posture).promotions()).anySatisfy(promotion -> {
                assertThat(promotion.digest()).isEqualTo(imageId);
                assertThat(promotion.registry() + "/" + promotion.repository() + ":" + promotion.tag()).isEqualTo(destination);
                assertThat(promotion.stage()).isEqualTo("dev");
            });
            assertThat(new PostureQueries(posture).verdicts()).anySatisfy(verdict -> {
                assertThat(verdict.digest()).isEqualTo(imageId);
                assertThat(verdict.verdict()).isEqualTo("warn");
            });
        }
    }

    @Test
    void refusesAFailingImageAndPushesNothing() {
        String destination = prod.address() + "/team/node:1";

        int exit = promote(dev.address() + "/team/node:1", destination, "production-strict.yaml", "production");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("not promoted").contains("nothing was pushed");
        assertThatThrownBy(() -> repository(destination).manifest("1"))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("HTTP 404");
    }

    @Test
    void mountsBlobsWhenPromotingWithinOneRegistry() {
        String destination = dev.address() + "/prod/app:1";

        int exit = promote(dev.address() + "/team/app:1", destination, "dev-lenient.yaml", "dev");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).containsPattern("0 blobs copied, [1-9]\\d* mounted");
    }
}
