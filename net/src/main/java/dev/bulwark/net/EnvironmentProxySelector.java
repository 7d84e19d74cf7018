package dev.bulwark.net;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/** Java's proxy selection made to follow {@link ProxyRules}: the environment's proxies, and NO_PROXY. */
final class EnvironmentProxySelector extends ProxySelector {

    private static final System.Logger LOG = System.getLogger(EnvironmentProxySelector.class.getName());

    private final ProxyRules rules;

    EnvironmentProxySelector(ProxyRules rules) {
        this.rules = rules;
    }

    @Override
    public List<Proxy> select(URI uri) {
        return rules.proxyFor(uri).map(address -> List.of(new Proxy(Proxy.Type.HTTP, address))).orElse(List.of(Proxy.NO_PROXY));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress proxy, IOException failure) {
        LOG.log(System.Logger.Level.WARNING, "cannot connect through the proxy " + proxy + " to " + uri + ": " + failure.getMessage()
                + "; check https_proxy/http_proxy, or list the host in no_proxy");
    }
}
