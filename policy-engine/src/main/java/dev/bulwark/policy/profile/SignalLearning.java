package dev.bulwark.policy.profile;

import dev.bulwark.policy.runtime.RuntimeMode;
import dev.bulwark.policy.text.Numbers;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The learning state of one signal. Owned by one profile, changed by one thread at a time.
 */
final class SignalLearning {

    private final Signal signal;
    private final Map<String, ItemStats> items;
    private Instant lastNew;
    private Instant belowSince;
    private Instant convergedAt;
    private RuntimeMode mode;
    private boolean modePinned;

    SignalLearning(Signal signal, SignalState state) {
        this.signal = signal;
        this.items = new HashMap<>(state.items());
        this.lastNew = state.lastNew();
        this.belowSince = state.belowSince();
        this.convergedAt = state.convergedAt();
        this.mode = state.mode();
        this.modePinned = state.modePinned();
    }

    SignalState state() {
        return new SignalState(items, lastNew, belowSince, convergedAt, mode, modePinned);
    }

    /** Moves the times learning is measured from by {@code by}, after the wall clock was stepped by as much. */
    void shift(Duration by) {
        lastNew = lastNew == null ? null : lastNew.plus(by);
        belowSince = belowSince == null ? null : belowSince.plus(by);
    }

    /** Adds a declared item (the image says so); declared items are known but never singletons. */
    void declare(String item, Instant at) {
        items.putIfAbsent(item, ItemStats.declared(at));
    }

    /**
     * Records an item seen in a live interval.
     *
     * @return whether it was new to the profile
     */
    boolean observe(String item, long interval, Instant at) {
        Optional<String> covering = covering(item);
        if (covering.isPresent()) {
            items.computeIfPresent(covering.get(), (key, stats) -> stats.seenIn(interval));
            return false;
        }
        items.put(item, ItemStats.discovered(interval, at));
        lastNew = at;
        collapse(item);
        return true;
    }

    /** Whether the item (or a generalisation that covers it) was learned. */
    boolean knows(String item) {
        return covering(item).isPresent();
    }

    private Optional<String> covering(String item) {
        if (items.containsKey(item)) {
            return Optional.of(item);
        }
        if (signal == Signal.WRITES) {
            return items.keySet().stream().filter(learned -> Generalise.writeCovers(learned, item)).findFirst();
        }
        if (signal == Signal.OUTBOUND) {
            int colon = item.lastIndexOf(':');
            String address = item.substring(0, colon);
            int port = Numbers.parseInt(item.substring(colon + 1), "the port in '" + item + "'");
            return items.keySet().stream().filter(learned -> learned.contains("/")
                    && Generalise.peerCovers(learned, address, port)).findFirst();
        }
        return Optional.empty();
    }

    /** Many files in one directory, or many peers in one network, are learned as the directory or the network. */
    private void collapse(String item) {
        Optional<String> general = switch (signal) {
            case WRITES -> Generalise.crowdedDirectory(item, items).map(directory -> directory + "/**");
            case OUTBOUND -> Generalise.crowdedNetwork(item, items);
            default -> Optional.empty();
        };
        general.ifPresent(pattern -> {
            long incidence = 0;
            long last = -1;
            Instant first = Instant.now();
            boolean declared = false;
            for (var entry : Map.copyOf(items).entrySet()) {
                if (!entry.getKey().equals(pattern) && covered(pattern, entry.getKey())) {
                    ItemStats stats = entry.getValue();
                    incidence = Math.max(incidence, stats.intervals());
                    last = Math.max(last, stats.lastInterval());
                    first = first.isBefore(stats.firstSeen()) ? first : stats.firstSeen();
                    declared |= stats.declared();
                    items.remove(entry.getKey());
                }
            }
            items.put(pattern, new ItemStats(incidence, last, first, declared));
        });
    }

    private boolean covered(String pattern, String item) {
        if (signal == Signal.WRITES) {
            return Generalise.writeCovers(pattern, item);
        }
        int colon = item.lastIndexOf(':');
        return colon > 0 && !item.contains("/") && Generalise.peerCovers(pattern, item.substring(0, colon),
                Numbers.parseInt(item.substring(colon + 1), "the port in '" + item + "'"));
    }

    /** Good–Turing on incidence: behaviours seen in exactly one live interval, over the live intervals. */
    double missingMass(long liveIntervals) {
        long singletons = items.values().stream().filter(ItemStats::singleton).count();
        return liveIntervals == 0 ? 1.0 : Math.min(1.0, (double) singletons / liveIntervals);
    }

    Map<String, ItemStats> items() {
        return Map.copyOf(items);
    }

    Instant lastNew() {
        return lastNew;
    }

    Instant belowSince() {
        return belowSince;
    }

    void belowSince(Instant since) {
        belowSince = since;
    }

    boolean converged() {
        return convergedAt != null;
    }

    Instant convergedAt() {
        return convergedAt;
    }

    void converge(Instant at, RuntimeMode promoteTo) {
        convergedAt = at;
        if (!modePinned) {
            mode = promoteTo;
        }
    }

    /** Back to learning, keeping what was learned: a new image version or new runtime parameters. */
    void relearn() {
        convergedAt = null;
        belowSince = null;
        lastNew = null;
        if (!modePinned) {
            mode = RuntimeMode.LEARN;
        }
        items.replaceAll((item, stats) -> new ItemStats(0, -1, stats.firstSeen(), true));
    }

    RuntimeMode mode() {
        return mode;
    }

    /** An operator's choice: a mode other than learn also ends learning, since the operator vouches for the profile. */
    void pinMode(RuntimeMode chosen, Instant at) {
        mode = chosen;
        modePinned = true;
        if (chosen != RuntimeMode.LEARN && convergedAt == null) {
            convergedAt = at;
        }
    }
}
