package dev.bulwark.agent.daemon;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.bulwark.agent.profile.ProfileStore;
import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.profile.ProfileDocuments;
import dev.bulwark.scanner.docker.DockerEngine;
import dev.bulwark.scanner.source.PrivateTemp;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code bulwark profile learn}: runs a command (integration tests, a compose file, a script) while the agent's sensors
 * learn, from scratch and in learn mode, the profiles of the containers it starts; then gives them back as YAML for
 * review. The agent's state lives in a private temporary directory for the run only.
 */
public final class CiLearning {

    /** How long the sensors are given after the command ends for what they saw last (a file change is polled). */
    static final Duration SETTLE = Duration.ofSeconds(3);

    /**
     * What a run learned.
     *
     * @param exitCode the command's exit code
     * @param profiles the profiles learned of the images asked for
     * @param yaml     those profiles as one YAML stream ({@link ProfileDocuments#writeFromCi}); empty when none
     */
    public record Result(int exitCode, List<Profile> profiles, String yaml) {
    }

    private CiLearning() {
    }

    /**
     * Runs the command and learns.
     *
     * @param images the images to learn (repository, repository:tag or ID); empty for every image a container the
     *               command started runs (images with containers running before it started are left out)
     * @throws IllegalArgumentException when an image asked for is not on this host after the command ran
     */
    public static Result run(AgentConfig config, List<String> images, List<String> command, Consumer<String> say)
            throws IOException, InterruptedException {
        try (PrivateTemp learning = new PrivateTemp("learn");
             DockerEngine engine = config.dockerHost().map(DockerEngine::at).orElseGet(DockerEngine::fromEnvironment)) {
            Set<String> runningBefore = new HashSet<>();
            engine.client().listContainersCmd().exec().forEach(container -> runningBefore.add(container.getImageId()));
            AgentDaemon agent = AgentDaemon.learn(config.forLearning(learning.directory()), Clock.systemUTC());
            int exit;
            try {
                say.accept("learning with the agent's sensors (" + agent.processSensor() + ") while " + String.join(" ", command) + " runs");
                exit = runCommand(command);
                Thread.sleep(SETTLE.toMillis());
            } finally {
                agent.close();
            }
            Set<String> wanted = imageIds(engine.client(), images);
            List<Profile> learned = ProfileStore.open(learning.directory()).all().stream()
                    .filter(profile -> images.isEmpty() ? !runningBefore.contains(profile.key().image())
                            : wanted.contains(profile.key().image()))
                    .sorted(Comparator.comparing((Profile profile) -> profile.key().repository())
                            .thenComparing(profile -> profile.key().workload()))
                    .toList();
            return new Result(exit, learned, learned.isEmpty() ? "" : ProfileDocuments.writeFromCi(learned));
        }
    }

    private static int runCommand(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run " + command.get(0) + ": " + e.getMessage()
                    + " (give the command after --, such as: bulwark profile learn --config agent.yaml -- ./integration-tests.sh)", e);
        }
        Thread stop = new Thread(process::destroy, "bulwark-learn-stop-command");
        Runtime.getRuntime().addShutdownHook(stop); // a stopped build stops the command too
        try {
            return process.waitFor();
        } finally {
            Runtime.getRuntime().removeShutdownHook(stop);
        }
    }

    private static Set<String> imageIds(DockerClient docker, List<String> images) {
        Set<String> ids = new HashSet<>();
        for (String image : images) {
            try {
                ids.add(docker.inspectImageCmd(image).exec().getId());
            } catch (NotFoundException e) {
                throw new IllegalArgumentException("--image " + image + " is not on this host after the command ran: name an"
                        + " image the command starts containers of (repository:tag or ID)", e);
            }
        }
        return ids;
    }
}
