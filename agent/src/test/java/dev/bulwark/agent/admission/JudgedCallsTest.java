package dev.bulwark.agent.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JudgedCallsTest {

    private static Optional<JudgedCalls.Call> call(String method, String uri) {
        return JudgedCalls.of(new DockerRequest("", method, uri, new byte[0], Map.of()));
    }

    @Test
    void createsStartsExecsAndVolumeCreatesAreJudgedWithOrWithoutAnApiVersion() {
        assertThat(call("POST", "/v1.41/containers/create?name=web")).contains(new JudgedCalls.Call(JudgedCalls.Kind.CREATE, ""));
        assertThat(call("POST", "/containers/create")).contains(new JudgedCalls.Call(JudgedCalls.Kind.CREATE, ""));
        assertThat(call("POST", "/v1.24/containers/web/start")).contains(new JudgedCalls.Call(JudgedCalls.Kind.START, "web"));
        assertThat(call("POST", "/v1.41/containers/3f2a/restart?t=5")).contains(new JudgedCalls.Call(JudgedCalls.Kind.RESTART, "3f2a"));
        assertThat(call("POST", "/v1.41/containers/web/exec")).contains(new JudgedCalls.Call(JudgedCalls.Kind.EXEC, "web"));
        assertThat(call("POST", "/v1.41/volumes/create")).contains(new JudgedCalls.Call(JudgedCalls.Kind.VOLUME, ""));
    }

    @Test
    void aPercentEscapedPathIsJudgedAsTheEngineRoutesIt() {
        assertThat(call("POST", "/v1.41/containers/%63reate")).contains(new JudgedCalls.Call(JudgedCalls.Kind.CREATE, ""));
        assertThat(call("POST", "/v1.41/containers/web/st%61rt")).contains(new JudgedCalls.Call(JudgedCalls.Kind.START, "web"));
    }

    @Test
    void aPathThatCannotBeDecodedIsJudgedAsUnreadableNotPassed() {
        assertThat(call("POST", "/v1.41/containers/%zzreate")).contains(new JudgedCalls.Call(JudgedCalls.Kind.UNREADABLE, ""));
        assertThat(call("POST", "/v1.41/containers/create%")).contains(new JudgedCalls.Call(JudgedCalls.Kind.UNREADABLE, ""));
    }

    @Test
    void readsStopsAndOtherCallsPassUnjudged() {
        assertThat(call("GET", "/v1.41/containers/json")).isEmpty();
        assertThat(call("GET", "/v1.41/containers/create")).isEmpty();
        assertThat(call("POST", "/v1.41/containers/web/stop")).isEmpty();
        assertThat(call("POST", "/v1.41/exec/7ab1/start")).as("an exec is judged when it is created, not started").isEmpty();
        assertThat(call("DELETE", "/v1.41/containers/web")).isEmpty();
        assertThat(call("POST", "/v1.41/images/create?fromImage=busybox")).isEmpty();
    }
}
