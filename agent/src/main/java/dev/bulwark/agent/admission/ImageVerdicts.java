package dev.bulwark.agent.admission;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.bulwark.scanner.model.ImageRef;
import dev.bulwark.scanner.promote.AttachedVerdict;
import dev.bulwark.scanner.promote.VerdictAttachment;
import dev.bulwark.scanner.source.RegistryRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The verdicts attached to a local image by {@code bulwark promote}: read by the image's repository digests
 * from the registries it came from (the image ID alone names no registry), within a time budget, and kept for a
 * while so that a burst of creates reads each registry once.
 */
final class ImageVerdicts {

    /** What the engine says of an image. */
    record LocalImage(String id, List<String> repoDigests, String user) {
        LocalImage {
            repoDigests = List.copyOf(repoDigests);
            user = Objects.requireNonNullElse(user, "");
        }
    }

    /** The verdicts found for an image, and the registries that could not be read. */
    record Found(List<AttachedVerdict> verdicts, List<String> unread) {
        Found {
            verdicts = List.copyOf(verdicts);
            unread = List.copyOf(unread);
        }
    }

    private record Cached(Optional<AttachedVerdict> verdict, Instant at) {
    }

    private record CachedImage(LocalImage image, Instant at) {
    }

    /** How long the engine's record of an image is kept. */
    static final java.time.Duration LOCAL_CACHE = java.time.Duration.ofSeconds(2);

    private final DockerClient docker;
    private final AdmissionSettings settings;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, CachedImage> images = new ConcurrentHashMap<>();
    private final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "bulwark-admission-verdicts");
        thread.setDaemon(true);
        return thread;
    });

    ImageVerdicts(DockerClient docker, AdmissionSettings settings, Clock clock) {
        this.docker = docker;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The engine's record of an image by name or ID, empty when it has none (the engine then refuses on its own).
     * Kept for {@link #LOCAL_CACHE}: a burst of creates inspects each image once. A tag moved within that time is
     * still caught, because a start is judged by the image ID the container was really created from.
     */
    Optional<LocalImage> local(String image) {
        CachedImage cached = images.get(image);
        if (cached != null && cached.at().plus(LOCAL_CACHE).isAfter(clock.instant())) {
            return Optional.of(cached.image());
        }
        try {
            InspectImageResponse inspect = docker.inspectImageCmd(image).exec();
            String user = inspect.getConfig() == null ? "" : inspect.getConfig().getUser();
            LocalImage local = new LocalImage(inspect.getId(), Objects.requireNonNullElse(inspect.getRepoDigests(), List.of()), user);
            if (images.size() > 1000) {
                images.clear();
            }
            images.put(image, new CachedImage(local, clock.instant()));
            return Optional.of(local);
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    /** The verdicts attached to the image in every registry it was pulled from, read within the time budget. */
    Found verdicts(LocalImage image) {
        List<AttachedVerdict> verdicts = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        Instant deadline = clock.instant().plus(settings.verdictTimeout());
        for (String repoDigest : image.repoDigests()) {
            Cached cached = cache.get(repoDigest);
            if (cached != null && cached.at().plus(settings.verdictCache()).isAfter(clock.instant())) {
                cached.verdict().ifPresent(verdicts::add);
                continue;
            }
            Future<Optional<AttachedVerdict>> read = readers.submit(() -> read(repoDigest));
            try {
                long left = Math.max(1, deadline.toEpochMilli() - clock.millis());
                Optional<AttachedVerdict> verdict = read.get(left, TimeUnit.MILLISECONDS);
                cache.put(repoDigest, new Cached(verdict, clock.instant()));
                verdict.ifPresent(verdicts::add);
            } catch (TimeoutException slow) {
                read.cancel(true);
                unread.add(repoDigest + " (no answer within " + settings.verdictTimeout().toMillis() + " ms)");
            } catch (ExecutionException failed) {
                unread.add(repoDigest + " (" + failed.getCause().getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unread.add(repoDigest + " (interrupted)");
            }
        }
        return new Found(verdicts, unread);
    }

    /** The newest verdict judged at the stage, or at any stage when the host names none. */
    static Optional<AttachedVerdict> forStage(List<AttachedVerdict> verdicts, Optional<String> stage) {
        return verdicts.stream().filter(verdict -> stage.map(verdict.stage()::equals).orElse(true))
                .max(Comparator.comparing(AttachedVerdict::judgedAt));
    }

    private Optional<AttachedVerdict> read(String repoDigest) {
        ImageRef ref = ImageRef.parse(repoDigest);
        RegistryRepository repository = RegistryRepository.of(ref, settings.insecureRegistries());
        return VerdictAttachment.read(repository, ref.optionalDigest().orElseThrow(
                () -> new IllegalArgumentException(repoDigest + " names no digest")));
    }

    void close() {
        readers.shutdownNow();
    }
}
