package dev.bulwark.policy.model;

import dev.bulwark.policy.document.InvalidFieldException;
import java.time.Duration;

/**
 * What the gate demands of the vulnerability database.
 *
 * @param maxAgeHours the oldest database the gate accepts, in hours (default 72); an older one fails the gate
 */
public record DatabaseRules(Integer maxAgeHours) {

    public static final int DEFAULT_MAX_AGE_HOURS = 72;

    public DatabaseRules {
        if (maxAgeHours != null && maxAgeHours <= 0) {
            throw new InvalidFieldException("maxAgeHours", "database.maxAgeHours is " + maxAgeHours
                    + ": write a number of hours above 0, such as 72");
        }
    }

    /** The defaults: a database at most 72 hours old. */
    public static DatabaseRules defaults() {
        return new DatabaseRules(null);
    }

    /** The oldest database accepted. */
    public Duration maxAge() {
        return Duration.ofHours(maxAgeHours == null ? DEFAULT_MAX_AGE_HOURS : maxAgeHours);
    }
}
