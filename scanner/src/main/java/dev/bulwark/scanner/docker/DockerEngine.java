package dev.bulwark.scanner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.bulwark.scanner.model.ImageRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection to a Docker engine, found the way the Docker CLI finds it ({@link DockerEndpoint}): {@code DOCKER_HOST}
 * with its TLS settings, else the current Docker context, else the local socket {@code unix:///var/run/docker.sock}.
 */
public final class DockerEngine implements AutoCloseable {

    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private final URI host;
    private final DockerHttpClient http;
    private final DockerClient client;

    private DockerEngine(DockerEndpoint endpoint) {
        this.host = URI.create(endpoint.host());
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.host())
                .withDockerTlsVerify(endpoint.tls().isPresent());
        endpoint.tls().ifPresent(directory -> builder.withDockerCertPath(directory.toString()));
        DefaultDockerClientConfig config = builder.build();
        this.http = new ApacheDockerHttpClient.Builder()
                .dockerHost(host)
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(5))
                .build();
        this.client = DockerClientImpl.getInstance(config, http);
    }

    /** The engine the environment names: {@code DOCKER_HOST}, the current Docker context, or the local socket. */
    public static DockerEngine fromEnvironment() {
        return at(DockerEndpoint.fromEnvironment());
    }

    /**
     * The Docker engine this machine is set up to use: {@code DOCKER_HOST} when it is set, else the local socket
     * when it exists. An engine that is set up but does not answer is an error, never a reason to read an image
     * from elsewhere.
     *
     * @return the engine's address, or empty when no engine is set up here
     */
    public static Optional<String> configuredHost() {
        DockerEndpoint endpoint = DockerEndpoint.fromEnvironment();
        if (!endpoint.host().equals(DEFAULT_HOST) || !endpoint.source().equals("the local socket")) {
            return Optional.of(endpoint.host());
        }
        return Files.exists(Path.of(URI.create(DEFAULT_HOST).getPath())) ? Optional.of(DEFAULT_HOST) : Optional.empty();
    }

    /**
     * The engine at the given {@code unix://} or {@code tcp://} address, with the environment's TLS settings when
     * the environment names that same address.
     */
    public static DockerEngine at(String host) {
        Objects.requireNonNull(host, "host");
        Optional<Path> tls;
        try {
            DockerEndpoint environment = DockerEndpoint.fromEnvironment();
            tls = environment.host().equals(host) ? environment.tls() : Optional.empty();
        } catch (DockerEngineException unreadableContext) {
            tls = Optional.empty(); // an address was given: a broken context elsewhere does not matter here
        }
        return at(new DockerEndpoint(host, tls, "given"));
    }

    /** The engine at an endpoint. */
    public static DockerEngine at(DockerEndpoint endpoint) {
        String host = endpoint.host();
        if (!host.startsWith("unix://") && !host.startsWith("tcp://")) {
            throw new DockerEngineException("Docker host '" + host + "' (from " + endpoint.source()
                    + ") is not supported: use unix:///path/to/docker.sock or tcp://HOST:PORT");
        }
        return new DockerEngine(endpoint);
    }

    /**
     * Checks that the engine answers and returns its API version.
     *
     * @throws DockerEngineException when it does not, saying how to make it answer
     */
    public String ping() {
        try {
            client.pingCmd().exec();
            return client.versionCmd().exec().getApiVersion();
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    /**
     * Looks a local image up.
     *
     * @return the image, or empty when the engine does not have it
     * @throws DockerEngineException when the engine cannot be reached
     */
    public Optional<InspectImageResponse> findImage(ImageRef image) {
        try {
            return Optional.of(client.inspectImageCmd(image.familiar()).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    /**
     * Inspects a local image.
     *
     * @throws DockerEngineException when the engine does not have it
     */
    public InspectImageResponse inspectImage(ImageRef image) {
        try {
            return client.inspectImageCmd(image.familiar()).exec();
        } catch (NotFoundException e) {
            throw new DockerEngineException("image " + image.familiar() + " is not in the Docker engine at " + host
                    + ": build or pull it first (docker images lists what is there)", e);
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    /** The docker-java client, for the stages that need more of the Engine API. */
    public DockerClient client() {
        return client;
    }

    public URI host() {
        return host;
    }

    private DockerEngineException unreachable(RuntimeException cause) {
        if (cause instanceof DockerEngineException known) {
            return known;
        }
        return new DockerEngineException("cannot reach the Docker engine at " + host + " (" + rootMessage(cause)
                + "): start dockerd, or point DOCKER_HOST at a running engine", cause);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void close() {
        try {
            client.close();
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the connection to " + host, e);
        }
    }
}
