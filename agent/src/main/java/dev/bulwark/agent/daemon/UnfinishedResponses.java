package dev.bulwark.agent.daemon;

import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.audit.HeldAudit;
import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.agent.docker.ContainerView;
import dev.bulwark.agent.response.ActionOutcome;
import dev.bulwark.agent.response.ResponseActions;
import dev.bulwark.agent.response.ResponseStateException;
import dev.bulwark.agent.response.ResponsesUnderWay;
import dev.bulwark.agent.response.ResponsesUnderWay.UnderWay;
import java.time.Clock;
import java.util.Optional;

/**
 * The responses an agent began and did not see done, because it was killed or crashed half-way. On start, each is
 * finished on a container that still runs (a stop the engine gave up on when the agent's connection went), or
 * recorded as ended on one that does not; either way the audit log gets the outcome the dead agent never wrote.
 * While the agent runs it records each response begun and done ({@link #begin}, {@link #done}); a record that
 * cannot be written is logged and the response goes ahead regardless.
 */
final class UnfinishedResponses implements AutoCloseable {

    private final ResponsesUnderWay store;
    private final Clock clock;

    UnfinishedResponses(ResponsesUnderWay store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void begin(UnderWay response) {
        try {
            store.begin(response);
        } catch (ResponseStateException e) {
            AgentLog.warn("the " + response.response().word() + " of container " + response.containerName() + " goes ahead but"
                    + " is not recorded as under way, so an agent killed before it is done will not finish it: "
                    + e.getMessage(), response.containerId(), response.imageDigest(), response.rule());
        }
    }

    void done(String containerId) {
        try {
            store.done(containerId);
        } catch (ResponseStateException e) {
            AgentLog.warn("a finished response stays recorded as under way, and will be checked again on the next start: "
                    + e.getMessage(), containerId, "", "");
        }
    }

    /**
     * Finishes or closes every response left under way, on the calling thread: the container is inspected afresh (the
     * agent's view may not know it yet) and, while it still runs, the response is taken again.
     */
    void resume(ContainerView view, ResponseActions actions, HeldAudit audit) {
        for (UnderWay left : store.all()) {
            Optional<ContainerInfo> running = view.refresh(left.containerId());
            String detail;
            if (running.isPresent()) {
                ActionOutcome outcome = actions.forKind(left.response()).apply(running.get());
                detail = left.why() + "; the agent stopped before its " + left.response().word() + " was done, and took it again"
                        + " on starting: " + outcome.describe(left.response());
            } else {
                detail = left.why() + "; the agent stopped before its " + left.response().word() + " was done; on starting it"
                        + " found the container no longer running";
            }
            audit.append(new AuditEntry(clock.instant(), left.containerId(), left.containerName(), left.imageDigest(), left.rule(),
                    "block", left.response().word(), left.mode(), "{}", detail));
            done(left.containerId());
            AgentLog.info(detail);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
