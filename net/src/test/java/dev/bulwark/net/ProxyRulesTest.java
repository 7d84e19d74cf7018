package dev.bulwark.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProxyRulesTest {

    private static final ProxyRules RULES = ProxyRules.fromEnvironment(Map.of(
            "https_proxy", "http://proxy.corp:3128", "HTTP_PROXY", "proxy.corp:8080",
            "NO_PROXY", "localhost, .internal.corp,registry.corp:5000, 10.0.0.7"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip, proxy.corp:3128",
        "http://mirror.example.com/all.zip,                               proxy.corp:8080",
        "https://localhost:5000/v2/,                                      none",
        "https://jira.internal.corp/rest/api/3/issue,                     none",
        "https://internal.corp/,                                          none",
        "https://notinternal.corp/,                                       proxy.corp:3128",
        "https://registry.corp:5000/v2/,                                  none",
        "https://registry.corp/v2/,                                       proxy.corp:3128",
        "http://10.0.0.7:8081/,                                           none",
        "http://10.0.0.70/,                                               proxy.corp:8080",
    })
    void choosesTheProxyAsCurlReadsTheEnvironment(String url, String proxy) {
        assertThat(RULES.describe(URI.create(url))).isEqualTo(proxy);
    }

    @Test
    void reachesEverythingDirectlyWithAStarOrNoProxy() {
        assertThat(ProxyRules.fromEnvironment(Map.of("https_proxy", "http://p:1", "no_proxy", "*")).proxyFor(URI.create("https://a.b/")))
                .isEmpty();
        assertThat(ProxyRules.NONE.proxyFor(URI.create("https://a.b/"))).isEmpty();
    }

    @Test
    void prefersTheLowerCaseVariableAsCurlDoes() {
        ProxyRules rules = ProxyRules.fromEnvironment(Map.of("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:2"));

        assertThat(rules.describe(URI.create("https://a.b/"))).isEqualTo("lower:1");
    }

    @Test
    void refusesAProxyThatIsNotAUrlNamingTheVariable() {
        assertThatThrownBy(() -> ProxyRules.fromEnvironment(Map.of("HTTPS_PROXY", "http://")))
                .hasMessageContaining("https_proxy/HTTPS_PROXY").hasMessageContaining("not a proxy URL");
    }
}
