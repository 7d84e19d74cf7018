package dev.bulwark.policy.profile;

import java.util.Objects;

/**
 * One thing an observation shows, as a profile learns it: the signal, the (generalised) item, and whether behaviour
 * never learned in this place is high-risk (a block in protect mode) or only worth an alert.
 *
 * @param signal   the signal
 * @param item     the item as the profile stores it
 * @param highRisk whether novelty here is strong enough evidence to block
 * @param what     the behaviour in words, for the alert
 */
public record Behaviour(Signal signal, String item, boolean highRisk, String what) {

    public Behaviour {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(what, "what");
    }
}
