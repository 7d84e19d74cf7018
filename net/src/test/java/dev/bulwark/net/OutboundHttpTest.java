package dev.bulwark.net;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real HTTP on loopback: a server that fails as registries and proxies do, and a forward proxy (WireMock's). */
class OutboundHttpTest {

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final WireMockServer proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").enableBrowserProxying(true));

    @BeforeEach
    void start() {
        server.start();
        proxy.start();
    }

    @AfterEach
    void stop() {
        server.stop();
        proxy.stop();
    }

    private OutboundHttp http(Map<String, String> environment) {
        return OutboundHttp.of(NetSettings.fromEnvironment(environment).withRetries(3, Duration.ofMillis(20)));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private void answers(String path, int... statuses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < statuses.length; i++) {
            String next = "attempt " + (i + 2);
            server.stubFor(get(path).inScenario(path).whenScenarioStateIs(state).willReturn(aResponse().withStatus(statuses[i])
                    .withHeader("Retry-After", "0").withBody("answer " + (i + 1))).willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void triesAgainAfter503TwiceAndReturnsTheAnswerThatCame() throws Exception {
        answers("/v2/", 503, 503, 200);
        OutboundHttp http = http(Map.of());

        HttpResponse<String> response = http.sendIdempotent(http.client(HttpClient.Redirect.NEVER), http.request(url("/v2/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("answer 3");
        server.verify(3, getRequestedFor(urlEqualTo("/v2/")).withHeader("User-Agent", matching("bulwark/.+")));
    }

    @Test
    void triesAgainAfterTheConnectionWasResetOnce() throws Exception {
        server.stubFor(get("/blob").inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("served"));
        server.stubFor(get("/blob").inScenario("reset").whenScenarioStateIs("served").willReturn(aResponse().withBody("bytes")));
        OutboundHttp http = http(Map.of());

        HttpResponse<String> response = http.sendIdempotent(http.client(HttpClient.Redirect.NEVER), http.request(url("/blob")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("bytes");
    }

    @Test
    void givesUpAfterItsRetriesAndReturnsTheLastAnswer() throws Exception {
        answers("/down", 503, 503, 503, 503, 503);
        OutboundHttp http = http(Map.of());

        HttpResponse<String> response = http.sendIdempotent(http.client(HttpClient.Redirect.NEVER), http.request(url("/down")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        server.verify(4, getRequestedFor(urlEqualTo("/down")));
    }

    @Test
    void goesThroughTheEnvironmentsProxyUnlessNoProxyNamesTheHost() throws Exception {
        server.stubFor(get("/all.zip").willReturn(aResponse().withBody("zip")));
        Map<String, String> viaProxy = Map.of("http_proxy", "http://127.0.0.1:" + proxy.port());
        OutboundHttp proxied = http(viaProxy);
        OutboundHttp direct = http(Map.of("http_proxy", "http://127.0.0.1:" + proxy.port(), "no_proxy", "127.0.0.1"));

        HttpResponse<String> through = proxied.sendIdempotent(proxied.client(HttpClient.Redirect.NEVER),
                proxied.request(url("/all.zip")).build(), HttpResponse.BodyHandlers.ofString());
        int proxiedCount = proxy.getAllServeEvents().size();
        HttpResponse<String> around = direct.sendIdempotent(direct.client(HttpClient.Redirect.NEVER),
                direct.request(url("/all.zip")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(through.body()).isEqualTo("zip");
        assertThat(around.body()).isEqualTo("zip");
        assertThat(proxiedCount).as("requests the proxy forwarded").isEqualTo(1);
        assertThat(proxy.getAllServeEvents()).as("no_proxy bypasses it").hasSize(1);
    }

    @Test
    void namesTheProxyWhenItCannotBeReached() {
        OutboundHttp http = OutboundHttp.of(NetSettings.fromEnvironment(Map.of("http_proxy", "http://127.0.0.1:1"))
                .withRetries(0, Duration.ofMillis(1)));

        assertThatThrownBy(() -> http.sendIdempotent(http.client(HttpClient.Redirect.NEVER), http.request(url("/x")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class)
                .hasMessageContaining("through the proxy 127.0.0.1:1").hasMessageContaining("no_proxy");
    }

    @Test
    void waitsAsLongAsRetryAfterSays() throws Exception {
        server.stubFor(get("/slow").inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ready"));
        server.stubFor(get("/slow").inScenario("slow").whenScenarioStateIs("ready").willReturn(aResponse().withBody("ok")));
        OutboundHttp http = http(Map.of());
        long started = System.nanoTime();

        HttpResponse<String> response = http.sendIdempotent(http.client(HttpClient.Redirect.NEVER), http.request(url("/slow")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("ok");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(OutboundHttp.retryAfter(null)).isEqualTo(Optional.empty());
    }
}
