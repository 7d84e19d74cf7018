package dev.bulwark.net;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How Bulwark reaches the network.
 *
 * @param proxies         the proxies and the hosts reached directly
 * @param caFile          PEM certificates to trust besides the system's (a corporate CA), if any
 * @param connectTimeout  how long a connection may take
 * @param userAgent       the {@code User-Agent} of every request
 * @param retries         how many times an idempotent call is tried again
 * @param firstRetryDelay the wait before the first retry; it doubles each time, with jitter
 */
public record NetSettings(ProxyRules proxies, Optional<Path> caFile, Duration connectTimeout, String userAgent, int retries,
                          Duration firstRetryDelay) {

    public NetSettings {
        Objects.requireNonNull(proxies, "proxies");
        Objects.requireNonNull(caFile, "caFile");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
    }

    /**
     * The settings of this environment: proxies as curl reads them, {@code BULWARK_CA_FILE}, four retries from
     * half a second.
     *
     * @throws IllegalArgumentException naming the variable that is wrong
     */
    public static NetSettings fromEnvironment(Map<String, String> environment) {
        Optional<Path> caFile = Optional.ofNullable(environment.get("BULWARK_CA_FILE")).filter(value -> !value.isBlank()).map(Path::of);
        caFile.filter(file -> !Files.isReadable(file)).ifPresent(file -> {
            throw new IllegalArgumentException("BULWARK_CA_FILE names " + file + ", which cannot be read: point it at a PEM file of"
                    + " CA certificates, or unset it");
        });
        return new NetSettings(ProxyRules.fromEnvironment(environment), caFile, Duration.ofSeconds(20), defaultUserAgent(), 4,
                Duration.ofMillis(500));
    }

    /** {@code bulwark/VERSION}, the version of the jar this class came from. */
    public static String defaultUserAgent() {
        String version = NetSettings.class.getPackage().getImplementationVersion();
        return "bulwark/" + (version == null ? "dev" : version);
    }

    /** The same settings with other retries, for tests and tools that must not wait. */
    public NetSettings withRetries(int count, Duration firstDelay) {
        return new NetSettings(proxies, caFile, connectTimeout, userAgent, count, firstDelay);
    }
}
