package dev.bulwark.agent.bench;

/**
 * Prints what the agent holds (threads, file descriptors, heap) before and after many containers come and go under
 * it. Not a test: run {@code testing/bench/churn.sh [CYCLES]} (default 1,000 cycles, about 20 minutes here).
 */
public final class ChurnBenchmark {

    private ChurnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        Churn.Result result = Churn.run(20, cycles);
        System.out.printf("after 20 warm-up cycles: %s%n", result.before());
        System.out.printf("after %,d more container start/exec/remove cycles (%.1f s each): %s%n", result.cycles(),
                result.millis() / 1000.0 / result.cycles(), result.after());
        System.out.printf("growth: %+d threads, %+d file descriptors, %+d MiB of heap%n",
                result.after().threads() - result.before().threads(),
                result.after().descriptors() - result.before().descriptors(),
                (result.after().heapBytes() - result.before().heapBytes()) / 1_048_576);
        System.out.printf("threads added, by name: %s%n", result.before().threadsAddedIn(result.after()));
    }
}
