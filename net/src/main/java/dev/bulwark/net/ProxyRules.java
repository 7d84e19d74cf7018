package dev.bulwark.net;

import dev.bulwark.policy.text.Numbers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxies the environment names, read as curl reads them: {@code https_proxy}/{@code HTTPS_PROXY} for https
 * URLs, {@code http_proxy}/{@code HTTP_PROXY} for http ones (lower case first; curl ignores upper-case
 * {@code HTTP_PROXY} for security, Bulwark reads it as most tools do), and {@code no_proxy}/{@code NO_PROXY}: a comma
 * list of host names matched with their subdomains ({@code example.com} and {@code .example.com} both match
 * {@code a.example.com}), IP addresses, optional {@code :port}, or {@code *} for every host.
 *
 * @param http    the proxy for http URLs, if any
 * @param https   the proxy for https URLs, if any
 * @param noProxy the hosts reached directly
 */
public record ProxyRules(Optional<URI> http, Optional<URI> https, List<String> noProxy) {

    public static final ProxyRules NONE = new ProxyRules(Optional.empty(), Optional.empty(), List.of());

    public ProxyRules {
        noProxy = List.copyOf(noProxy);
    }

    /**
     * The rules in these environment variables.
     *
     * @throws IllegalArgumentException naming the variable when a proxy is not a URL with a host
     */
    public static ProxyRules fromEnvironment(Map<String, String> environment) {
        List<String> noProxy = new ArrayList<>();
        for (String entry : first(environment, "no_proxy", "NO_PROXY").orElse("").split(",")) {
            String host = entry.strip().toLowerCase(Locale.ROOT);
            if (!host.isEmpty()) {
                noProxy.add(host);
            }
        }
        return new ProxyRules(proxy(environment, "http_proxy", "HTTP_PROXY"), proxy(environment, "https_proxy", "HTTPS_PROXY"),
                noProxy);
    }

    private static Optional<URI> proxy(Map<String, String> environment, String lower, String upper) {
        Optional<String> value = first(environment, lower, upper);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().contains("://") ? value.get() : "http://" + value.get();
        try {
            URI uri = URI.create(text);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(lower + "/" + upper + " is '" + value.get() + "', which is not a proxy URL"
                    + " (http://HOST:PORT): fix or unset it", e);
        }
    }

    private static Optional<String> first(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }

    /** The proxy to reach this URL through, or empty to reach it directly. */
    public Optional<InetSocketAddress> proxyFor(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        Optional<URI> proxy = scheme.equals("https") ? https : scheme.equals("http") ? http : Optional.empty();
        if (proxy.isEmpty() || bypassed(target)) {
            return Optional.empty();
        }
        URI chosen = proxy.get();
        int port = chosen.getPort() > 0 ? chosen.getPort() : chosen.getScheme().equals("https") ? 443 : 80;
        return Optional.of(InetSocketAddress.createUnresolved(chosen.getHost(), port));
    }

    private boolean bypassed(URI target) {
        String host = target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = target.getPort() > 0 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        for (String rule : noProxy) {
            if (rule.equals("*")) {
                return true;
            }
            String ruleHost = rule;
            int colon = rule.lastIndexOf(':');
            if (colon > 0 && rule.indexOf(':') == colon && rule.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                if (Numbers.parseInt(rule.substring(colon + 1), "the port of '" + rule + "' in no_proxy") != port) {
                    continue;
                }
                ruleHost = rule.substring(0, colon);
            }
            ruleHost = ruleHost.startsWith(".") ? ruleHost.substring(1) : ruleHost;
            if (host.equals(ruleHost) || host.endsWith("." + ruleHost)) {
                return true;
            }
        }
        return false;
    }

    /** The proxy's address as people write it, for messages. */
    public String describe(URI target) {
        return proxyFor(target).map(address -> address.getHostString() + ":" + address.getPort()).orElse("none");
    }
}
