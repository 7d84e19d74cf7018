package dev.bulwark.agent.daemon;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The threads that carry out responses and the record of responses under way, closed together: the record only
 * once every response has had its time to finish.
 */
record Responders(ExecutorService threads, UnfinishedResponses unfinished) implements AutoCloseable {

    /** Longest wait for responses under way (a stop waits out its grace period) when the agent stops. */
    private static final long CLOSE_WAIT_SECONDS = 15;

    @Override
    public void close() {
        threads.shutdown();
        try {
            threads.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        unfinished.close();
    }
}
