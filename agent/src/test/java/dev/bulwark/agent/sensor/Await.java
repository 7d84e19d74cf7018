package dev.bulwark.agent.sensor;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a sensor to have reported something. */
public final class Await {

    private Await() {
    }

    /** Polls {@code condition} until it holds, or fails with {@code state} after {@code timeout}. */
    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within " + timeout + ": " + state.get());
            }
            Thread.sleep(100);
        }
    }
}
