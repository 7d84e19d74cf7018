package dev.bulwark.scanner.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Docker image reference ({@code [registry/]repository[:tag][@digest]}) as the Docker CLI reads it:
 * no registry means Docker Hub, a one-segment Hub repository lives under {@code library/}, and no tag
 * and no digest means {@code latest}.
 *
 * @param registry   the registry host (and port), such as {@code docker.io} or {@code localhost:5000}
 * @param repository the repository path, such as {@code library/debian} or {@code team/app}
 * @param tag        the tag, or empty when only a digest is given
 * @param digest     the manifest digest ({@code sha256:…}), or empty
 */
public record ImageRef(String registry, String repository, String tag, String digest) {

    public static final String DOCKER_HUB = "docker.io";
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}");

    public ImageRef {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        tag = Objects.requireNonNullElse(tag, "");
        digest = Objects.requireNonNullElse(digest, "");
        for (String component : repository.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw new InvalidImageRefException("repository '" + repository + "' is not valid: each part between '/' must be"
                        + " lower-case letters and digits, separated by '.', '_', '__' or '-'");
            }
        }
        if (!tag.isEmpty() && !TAG.matcher(tag).matches()) {
            throw new InvalidImageRefException("tag '" + tag + "' is not valid: use up to 128 letters, digits, '_', '.' or '-',"
                    + " not starting with '.' or '-'");
        }
        if (!digest.isEmpty() && !DIGEST.matcher(digest).matches()) {
            throw new InvalidImageRefException("digest '" + digest + "' is not valid: write it as sha256:<64 hex digits>");
        }
        if (tag.isEmpty() && digest.isEmpty()) {
            tag = "latest";
        }
    }

    /**
     * Parses a reference the way {@code docker pull} does.
     *
     * @throws InvalidImageRefException naming the part that is wrong
     */
    public static ImageRef parse(String text) {
        Objects.requireNonNull(text, "text");
        String rest = text.strip();
        if (rest.isEmpty()) {
            throw new InvalidImageRefException("the image reference is empty: name an image such as debian:12 or localhost:5000/app:1.0");
        }
        String digest = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = "";
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0 && looksLikeRegistry(rest.substring(0, slash))) {
            registry = rest.substring(0, slash);
            rest = rest.substring(slash + 1);
        }
        if (registry.equals("index.docker.io")) {
            registry = DOCKER_HUB;
        }
        if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        if (!rest.equals(rest.toLowerCase(Locale.ROOT))) {
            throw new InvalidImageRefException("repository '" + rest + "' in '" + text + "' must be lower case");
        }
        return new ImageRef(registry, rest, tag, digest);
    }

    private static boolean looksLikeRegistry(String firstSegment) {
        return firstSegment.contains(".") || firstSegment.contains(":") || firstSegment.equals("localhost");
    }

    /** The digest, if the reference pins one. */
    public Optional<String> optionalDigest() {
        return digest.isEmpty() ? Optional.empty() : Optional.of(digest);
    }

    /** {@code registry/repository} without tag or digest, the name a Docker daemon lists for local images. */
    public String name() {
        return registry + "/" + repository;
    }

    /** The shortest form Docker accepts for this reference: Docker Hub's defaults are left out. */
    public String familiar() {
        String name = registry.equals(DOCKER_HUB)
                ? (repository.startsWith("library/") ? repository.substring("library/".length()) : repository)
                : name();
        return name + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
    }

    @Override
    public String toString() {
        return name() + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
    }
}
