package dev.bulwark.cli.promote;

import dev.bulwark.cli.support.BulwarkVersion;
import dev.bulwark.cli.support.ExitCodes;
import dev.bulwark.cli.image.ImageOptions;
import dev.bulwark.cli.scan.GateOptions;
import dev.bulwark.scanner.image.Digests;
import dev.bulwark.scanner.promote.AttachedVerdict;
import dev.bulwark.policy.profile.ProfileDocuments;
import dev.bulwark.scanner.promote.ImagePromoter;
import dev.bulwark.scanner.promote.ProfileAttachment;
import dev.bulwark.scanner.promote.VerdictAttachment;
import dev.bulwark.scanner.report.DatabaseSummary;
import dev.bulwark.scanner.report.ScanReport;
import dev.bulwark.scanner.model.ImageRef;
import dev.bulwark.scanner.source.RegistryRepository;
import dev.bulwark.store.posture.PostureRows;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark promote SRC DEST}: judge the source image and copy it to the destination only if it may move on. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = {"Judge an image and, when it may move on, copy it to the next stage's registry.",
            "The copy keeps the digest and carries the verdict (and, with --profile, the profiles learned in CI); on fail"
                + " nothing is pushed.",
            "Exit code: 0 promoted, 1 refused (fail), 2 usage or configuration error, 3 scan or registry error."})
public final class PromoteCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ImageOptions source;

    @Parameters(index = "1", paramLabel = "DEST", description = "where to copy it: REGISTRY/REPOSITORY:TAG")
    private String destination;

    @Mixin
    private GateOptions gate;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "attach these reviewed profiles (bulwark profile learn) to the promoted image; agents start from them")
    private Path profile;

    @Override
    public Integer call() {
        Path policyFile = gate.policyFile().orElseThrow(() -> new ParameterException(spec.commandLine(),
                "promote needs --policy and --stage: promotion is decided by the stage's verdict"));
        ImageRef sourceImage = source.readFromRegistry();
        Optional<byte[]> profiles = Optional.ofNullable(profile).map(file -> AttachedProfileFile.read(file,
                RegistryRepository.of(sourceImage, source.insecureRegistries()), sourceImage));
        ScanReport report = gate.run(source, spec);
        gate.write(report, spec);
        PrintWriter err = spec.commandLine().getErr();
        if (report.verdict().map(verdict -> !verdict.allowsPromotion()).orElse(true)) {
            err.println(spec.qualifiedName() + ": not promoted: the verdict at stage "
                    + report.verdict().map(v -> v.judgement().stage()).orElse("?") + " is fail; nothing was pushed to " + destination);
            err.flush();
            return ExitCodes.FAIL;
        }
        RegistryRepository from = RegistryRepository.of(sourceImage,
                source.insecureRegistries());
        RegistryRepository to = RegistryRepository.of(ImageRef.parse(destination), source.insecureRegistries());
        ImagePromoter.Promotion promotion = new ImagePromoter().promote(from, to);
        AttachedVerdict verdict = new AttachedVerdict(report.verdict().orElseThrow().word(), report.verdict().get().judgement().stage(),
                report.policyName().orElse(""), sha256(policyFile),
                report.database().map(DatabaseSummary::builtAt).orElse(null), BulwarkVersion.version(), Instant.now());
        RegistryRepository.Manifest promoted = to.manifest(promotion.digest());
        VerdictAttachment.attach(to, promoted, verdict);
        String attachedProfiles = profiles.map(yaml -> {
            ProfileAttachment.attach(to, promoted, yaml, ProfileDocuments.readAll(profile.toString(), yaml).size(),
                    BulwarkVersion.version(), Instant.now());
            return ", profiles as " + ProfileAttachment.tagFor(promotion.digest());
        }).orElse("");
        ImageRef target = ImageRef.parse(destination);
        gate.posture().promoted(new PostureRows.Promotion(report.image().image().id(), target.registry(), target.repository(),
                target.tag() == null || target.tag().isEmpty() ? target.optionalDigest().orElse("") : target.tag(), report.verdict().get().judgement().stage(),
                Instant.now()), err);
        err.println(spec.qualifiedName() + ": promoted to " + destination + " (" + promotion.digest() + "; " + promotion.copied().size()
                + " blobs copied, " + promotion.mounted().size() + " mounted, " + promotion.present().size()
                + " already there); verdict attached as " + VerdictAttachment.tagFor(promotion.digest()) + attachedProfiles);
        err.flush();
        return gate.exitCode(report);
    }

    private static String sha256(Path file) {
        try {
            return Digests.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }
}
