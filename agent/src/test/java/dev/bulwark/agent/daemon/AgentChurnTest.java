package dev.bulwark.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.bench.Churn;
import org.junit.jupiter.api.Test;

/** Containers that come and go leave nothing behind in the agent: no thread, no descriptor, no heap that grows. */
class AgentChurnTest {

    @Test
    void holdsNoMoreAfterFortyContainersCameAndWent() throws Exception {
        var result = Churn.run(10, 40);

        assertThat(result.after().threads()).as("threads: before %s, after %s; added %s", result.before(), result.after(),
                        result.before().threadsAddedIn(result.after()))
                .isLessThanOrEqualTo(result.before().threads());
        assertThat(result.after().descriptors()).as("descriptors: before %s, after %s", result.before(), result.after())
                .isLessThanOrEqualTo(result.before().descriptors() + 2);
        assertThat(result.after().heapBytes()).as("heap: before %s, after %s", result.before(), result.after())
                .isLessThan(result.before().heapBytes() + 32L * 1_048_576);
    }
}
