package dev.bulwark.notify.jira;

import java.util.Objects;

/**
 * What {@link TicketSync} did to one ticket, for reports and tests: the kinds are told apart by their record type,
 * and every kind names the ticket.
 */
public sealed interface TicketAction
        permits TicketAction.Created, TicketAction.Commented, TicketAction.Resolved, TicketAction.Unchanged {

    /** The issue key ({@code SEC-12}). */
    String key();

    /** A new ticket was filed. */
    record Created(String key) implements TicketAction {
        public Created {
            Objects.requireNonNull(key, "key");
        }
    }

    /** An open ticket got a comment: the vulnerability was seen again. */
    record Commented(String key) implements TicketAction {
        public Commented {
            Objects.requireNonNull(key, "key");
        }
    }

    /** An open ticket was moved along the done transition: what it reported is gone or was replaced. */
    record Resolved(String key) implements TicketAction {
        public Resolved {
            Objects.requireNonNull(key, "key");
        }
    }

    /** An open ticket already says all there is: the same build was synced before. */
    record Unchanged(String key) implements TicketAction {
        public Unchanged {
            Objects.requireNonNull(key, "key");
        }
    }
}
