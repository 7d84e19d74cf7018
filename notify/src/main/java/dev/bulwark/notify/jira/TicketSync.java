package dev.bulwark.notify.jira;

import dev.bulwark.notify.outcome.GateOutcome;
import dev.bulwark.notify.ticket.TicketFingerprint;
import dev.bulwark.policy.text.Numbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings Jira in line with one gate outcome: files a ticket for each blocking vulnerability (or build) that has
 * no open one, comments on the open ones, and resolves open tickets whose vulnerability is gone.
 *
 * <p>One {@link #sync(GateOutcome)} is one unit of work: it keeps nothing between calls and reads the state it
 * needs from Jira each time, so an outbox can run it again after a failure. Running it twice creates nothing twice:
 * creation is guarded by a search for the ticket's fingerprint label. The rules:
 * <ul>
 *   <li>an open ticket with the fingerprint gets a comment (per build: is left unchanged);
 *   <li>when only resolved tickets have the fingerprint, the vulnerability came back: a new ticket is filed that
 *       names the earlier ones (Bulwark never reopens, because reopen transitions differ between workflows);
 *   <li>open tickets of the same scope whose fingerprint the outcome no longer calls for are moved along the done
 *       transition (looked up by name, without regard to case) and then get a comment saying why.
 * </ul>
 *
 * <p>Failures: {@link JiraRetryLater} when Jira is rate-limiting or unavailable (retry the whole call later),
 * {@link JiraException} when settings, credentials, permissions or the workflow need fixing first. Actions done
 * before a failure stay done; the retry finds them and does not repeat them, except that a ticket may be
 * commented on twice.
 */
public final class TicketSync {

    /** How many labels one {@code labels in (…)} search asks for. */
    static final int LABELS_PER_SEARCH = 50;

    private final JiraApi api;
    private final JiraSettings settings;

    /** A sync through the given API (a {@link JiraApi#connect(JiraSettings)}, or a fake in tests). */
    public TicketSync(JiraApi api, JiraSettings settings) {
        this.api = Objects.requireNonNull(api, "api");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A sync to the Jira the settings describe. */
    public static TicketSync connect(JiraSettings settings) {
        return new TicketSync(JiraApi.connect(settings), settings);
    }

    /** The fingerprints of the tickets the outcome calls for, without asking Jira. */
    public Set<TicketFingerprint> wantedTickets(GateOutcome outcome) {
        return TicketPlanner.plan(settings, outcome).wanted().stream()
                .map(TicketPlan.Wanted::fingerprint).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Creates, comments on and resolves tickets so that Jira reflects the outcome.
     *
     * @return what was done, ticket by ticket: creations and comments in the outcome's order (worst first), then
     *         resolutions
     * @throws JiraRetryLater when Jira asks to come back later
     * @throws JiraException  when Jira refuses for a reason that needs fixing first
     */
    public List<TicketAction> sync(GateOutcome outcome) {
        TicketPlan plan = TicketPlanner.plan(settings, outcome);
        api.requireProject(settings.projectKey());
        Map<TicketFingerprint, List<JiraIssue>> existing = existing(plan);
        List<JiraIssue> open = api.search(Jql.openWithLabel(settings.projectKey(), plan.scopeLabel()));
        List<TicketAction> actions = new ArrayList<>();
        for (TicketPlan.Wanted wanted : plan.wanted()) {
            actions.add(file(wanted, existing.getOrDefault(wanted.fingerprint(), List.of())));
        }
        for (JiraIssue issue : open) {
            Set<TicketFingerprint> fingerprints = JiraLabels.fingerprints(issue.labels());
            if (!fingerprints.isEmpty() && fingerprints.stream().noneMatch(plan.keep()::contains)) {
                actions.add(resolve(issue, plan.resolution()));
            }
        }
        return actions;
    }

    private Map<TicketFingerprint, List<JiraIssue>> existing(TicketPlan plan) {
        List<String> labels = plan.wanted().stream().map(w -> w.fingerprint().label()).toList();
        Map<TicketFingerprint, List<JiraIssue>> byFingerprint = new HashMap<>();
        for (int from = 0; from < labels.size(); from += LABELS_PER_SEARCH) {
            List<String> chunk = labels.subList(from, Math.min(labels.size(), from + LABELS_PER_SEARCH));
            for (JiraIssue issue : api.search(Jql.withAnyLabel(settings.projectKey(), chunk))) {
                JiraLabels.fingerprints(issue.labels()).forEach(fingerprint ->
                        byFingerprint.computeIfAbsent(fingerprint, f -> new ArrayList<>()).add(issue));
            }
        }
        return byFingerprint;
    }

    private TicketAction file(TicketPlan.Wanted wanted, List<JiraIssue> issues) {
        List<JiraIssue> byAge = issues.stream().sorted(Comparator.comparingLong(TicketSync::issueNumber)).toList();
        for (JiraIssue issue : byAge) {
            if (!issue.done()) {
                if (wanted.commentWhenOpen().isEmpty()) {
                    return new TicketAction.Unchanged(issue.key());
                }
                api.comment(issue.key(), wanted.commentWhenOpen().get());
                return new TicketAction.Commented(issue.key());
            }
        }
        NewTicket ticket = wanted.ticket();
        if (!byAge.isEmpty()) {
            List<String> earlier = byAge.stream().map(JiraIssue::key).toList();
            ticket = new NewTicket(ticket.projectKey(), ticket.issueType(), ticket.summary(),
                    TicketContent.withEarlierTickets(ticket.description(), earlier), ticket.labels());
        }
        return new TicketAction.Created(api.create(ticket));
    }

    // Transition first: if the comment then fails, a retry finds the ticket resolved and does not resolve it again.
    private TicketAction resolve(JiraIssue issue, RichText comment) {
        List<JiraTransition> transitions = api.transitions(issue.key());
        JiraTransition done = transitions.stream()
                .filter(t -> t.name().strip().equalsIgnoreCase(settings.doneTransition()))
                .findFirst()
                .orElseThrow(() -> noDoneTransition(issue.key(), transitions));
        api.transition(issue.key(), done);
        api.comment(issue.key(), comment);
        return new TicketAction.Resolved(issue.key());
    }

    private JiraException noDoneTransition(String key, List<JiraTransition> transitions) {
        String offered = transitions.isEmpty() ? "none (the user may lack the Transition issues permission)"
                : transitions.stream().map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "));
        return new JiraException(0, "transition " + key, List.of(), key + " has no transition named '"
                + settings.doneTransition() + "' from its current status; it offers " + offered + ". Set the done"
                + " transition in the Jira settings to the one that resolves Bulwark's tickets in project "
                + settings.projectKey());
    }

    private static long issueNumber(JiraIssue issue) {
        String digits = issue.key().substring(issue.key().lastIndexOf('-') + 1);
        return digits.matches("\\d{1,18}") ? Numbers.parseLong(digits, "a Jira issue number") : Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return "TicketSync[" + settings.flavour().name().toLowerCase(Locale.ROOT) + " " + settings.baseUrl()
                + ", project " + settings.projectKey() + "]";
    }
}
