package dev.bulwark.notify.jira;

import dev.bulwark.notify.ticket.TicketFingerprint;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one gate outcome calls for, before Jira is asked anything: the tickets that should exist, and which
 * open tickets may stay open.
 *
 * @param wanted      the tickets that should exist, one per fingerprint
 * @param scopeLabel  the label of the tickets this outcome speaks for (its repository, or repository and stage)
 * @param keep        fingerprints whose open tickets stay open; every other open ticket in scope is resolved
 * @param resolution  the comment a resolved ticket gets
 */
record TicketPlan(List<Wanted> wanted, String scopeLabel, Set<TicketFingerprint> keep, RichText resolution) {

    TicketPlan {
        wanted = List.copyOf(wanted);
        Objects.requireNonNull(scopeLabel, "scopeLabel");
        keep = Set.copyOf(keep);
        Objects.requireNonNull(resolution, "resolution");
    }

    /**
     * A ticket that should exist.
     *
     * @param fingerprint     the label it is found by
     * @param ticket          the ticket to create when none is open
     * @param commentWhenOpen the comment an open one gets, or empty to leave it unchanged
     */
    record Wanted(TicketFingerprint fingerprint, NewTicket ticket, Optional<RichText> commentWhenOpen) {
    }
}
