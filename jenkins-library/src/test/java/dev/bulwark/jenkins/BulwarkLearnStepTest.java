package dev.bulwark.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import groovy.lang.Closure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BulwarkLearnStepTest extends PipelineStepTest {

    private int bodyShellsAt = -1;

    @BeforeEach
    void loadTheLibrary() throws Exception {
        setUpPipeline();
    }

    private Object learn(Map<String, Object> args, boolean bodyFails) {
        Closure<Object> body = new Closure<Object>(this) {
            @SuppressWarnings("unused")
            public Object doCall() {
                bodyShellsAt = shells.size();
                shells.add("(the body's integration tests)");
                if (bodyFails) {
                    throw new IllegalStateException("integration tests failed");
                }
                return null;
            }
        };
        return step("bulwarkLearn").invokeMethod("call", new Object[] {new HashMap<>(args), body});
    }

    @Test
    void learnsInTheBackgroundWhileTheBodyRunsThenStopsAndWaitsForTheProfiles() {
        Object result = learn(Map.of("config", "ci/agent.yaml", "images", List.of("shop:7"), "output", "out/profiles.yaml"), false);

        assertThat(result).isEqualTo(Map.of("output", "out/profiles.yaml"));
        String start = shells.get(1);
        assertThat(start).startsWith("JENKINS_NODE_COOKIE=dontKillMe BUILD_ID=dontKillMe nohup 'sh' '-c' ")
                .contains("'\\''bulwark'\\'' '\\''profile'\\'' '\\''learn'\\'' '\\''--config'\\'' '\\''ci/agent.yaml'\\''",
                        "'\\''--image'\\'' '\\''shop:7'\\''", "'\\''-o'\\'' '\\''out/profiles.yaml'\\'' '\\''--'\\''")
                .endsWith(" > '.bulwark-learn/learn.log' 2>&1 &");
        assertThat(shells.get(2)).contains("until grep -q 'learning with' '.bulwark-learn/learn.log'");
        assertThat(bodyShellsAt).isEqualTo(3);
        assertThat(shells.get(4)).isEqualTo("touch '.bulwark-learn/stop'");
        assertThat(shells.get(5)).contains("until [ -e '.bulwark-learn/exit' ]", "exit $(cat '.bulwark-learn/exit')");
        assertThat(result()).isEqualTo("SUCCESS");
    }

    @Test
    void stopsTheLearnerWhenTheBodyFailsAndReportsTheBodysFailure() {
        assertThatThrownBy(() -> learn(Map.of("config", "agent.yaml"), true)).hasMessageContaining("integration tests failed");

        assertThat(shells.subList(bodyShellsAt + 1, shells.size())).first().isEqualTo("touch '.bulwark-learn/stop'");
        assertThat(shells.get(1)).doesNotContain("--image");
    }

    @Test
    void failsWithTheLearnersOutputWhenItDoesNotStartAndNeverRunsTheBody() {
        exitCode = 2;

        assertThatThrownBy(() -> learn(Map.of("config", "agent.yaml"), false)).hasMessageContaining("did not start within 120 s");

        assertThat(bodyShellsAt).isEqualTo(-1);
        assertThat(shells).last().isEqualTo("touch '.bulwark-learn/stop'");
        assertThat(result()).isEqualTo("FAILURE");
    }

    @Test
    void refusesAMissingConfigAndUnknownParameters() throws Exception {
        assertThatThrownBy(() -> learn(Map.of(), false)).hasMessageContaining("needs config");
        loadTheLibrary();
        assertThatThrownBy(() -> learn(Map.of("config", "a.yaml", "image", "x"), false)).hasMessageContaining("unknown parameter image");
        assertThat(shells).isEmpty();
    }
}
