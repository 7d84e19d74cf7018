package dev.bulwark.policy.profile;

import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.policy.runtime.ResourceLimits;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A container's normal resource use from robust statistics: for each of CPU, memory and processes the median and the
 * median absolute deviation (MAD) of the learned samples. A limit is the highest of the largest sample seen times a
 * margin, the median plus {@value #MADS} scaled MADs, and a floor, so that a quiet container's noise is not an
 * anomaly while a CPU burn is.
 */
final class ResourceEnvelope {

    static final int KEPT = 1_000;
    static final double MADS = 10;
    /** MAD to standard deviation for normal data. */
    private static final double MAD_SCALE = 1.4826;
    private static final double CPU_FLOOR_CORES = 0.25;
    private static final long MEMORY_HEADROOM_BYTES = 64L * 1024 * 1024;
    private static final long PIDS_HEADROOM = 16;

    private final Deque<Double> cpu;
    private final Deque<Long> memory;
    private final Deque<Long> pids;
    private final ResourceLimits pinnedLimits;

    ResourceEnvelope(ResourceState state) {
        cpu = new ArrayDeque<>(state.cpu());
        memory = new ArrayDeque<>(state.memoryBytes());
        pids = new ArrayDeque<>(state.pids());
        pinnedLimits = state.pinnedLimits();
    }

    ResourceState state() {
        return new ResourceState(List.copyOf(cpu), List.copyOf(memory), List.copyOf(pids), pinnedLimits);
    }

    void learn(Observation.ResourceSample sample) {
        keep(cpu, sample.cpu());
        keep(memory, sample.memoryBytes());
        keep(pids, sample.pids());
    }

    int samples() {
        return cpu.size();
    }

    /** The envelope as limits; none while nothing was learned. */
    ResourceLimits limits() {
        if (pinnedLimits != null) {
            return pinnedLimits;
        }
        if (cpu.isEmpty()) {
            return ResourceLimits.none();
        }
        double cpuLimit = Math.max(CPU_FLOOR_CORES, Math.max(max(cpu) * 1.5, robustUpper(cpu)));
        double memoryLimit = Math.max(max(memory) * 1.5, Math.max(max(memory) + MEMORY_HEADROOM_BYTES, robustUpper(memory)));
        double pidsLimit = Math.max(max(pids) * 2, Math.max(max(pids) + PIDS_HEADROOM, robustUpper(pids)));
        return new ResourceLimits(Math.round(cpuLimit * 100) / 100.0, (long) Math.ceil(memoryLimit / (1024 * 1024)),
                (long) Math.ceil(pidsLimit));
    }

    private static <T extends Number> void keep(Deque<T> samples, T value) {
        samples.addLast(value);
        while (samples.size() > KEPT) {
            samples.removeFirst();
        }
    }

    private static double robustUpper(Deque<? extends Number> samples) {
        List<Double> values = sorted(samples);
        double median = median(values);
        List<Double> deviations = new ArrayList<>();
        for (double value : values) {
            deviations.add(Math.abs(value - median));
        }
        deviations.sort(Double::compare);
        return median + MADS * MAD_SCALE * median(deviations);
    }

    private static double max(Deque<? extends Number> samples) {
        return samples.stream().mapToDouble(Number::doubleValue).max().orElse(0);
    }

    private static List<Double> sorted(Deque<? extends Number> samples) {
        List<Double> values = new ArrayList<>();
        samples.forEach(n -> values.add(n.doubleValue()));
        values.sort(Double::compare);
        return values;
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
