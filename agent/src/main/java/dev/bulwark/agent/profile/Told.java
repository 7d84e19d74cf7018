package dev.bulwark.agent.profile;

import dev.bulwark.policy.profile.Origin;

/** What a process's ancestry tells about it ({@link Lineage}). */
sealed interface Told {

    /** An ancestor's origin, which its descendants share. */
    record Inherited(Origin origin) implements Told {
    }

    /** Started by the engine from outside the container: {@code docker exec} or a health check. */
    record ByEngine() implements Told {
    }

    /** The chain broke: a gone ancestor whose fork was not seen. */
    record Unreadable() implements Told {
    }
}
