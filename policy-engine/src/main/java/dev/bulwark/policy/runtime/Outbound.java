package dev.bulwark.policy.runtime;

import dev.bulwark.policy.document.InvalidFieldException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Outbound destinations as {@code ADDRESS[/PREFIX][:PORT]} or {@code HOSTNAME[:PORT]}, such as
 * {@code 10.0.0.0/8}, {@code 0.0.0.0/0:25} or {@code db.internal:5432}. Deny wins over allow; when the
 * allow list is not empty, destinations outside it break the rule.
 */
public record Outbound(List<String> allow, List<String> deny) {

    private static final Pattern DESTINATION = Pattern.compile(
            "(\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?|\\[[0-9a-fA-F:]+](/\\d{1,3})?|[A-Za-z0-9*]([A-Za-z0-9.*-]*[A-Za-z0-9])?)(:\\d{1,5})?");

    public Outbound {
        allow = checked("allow", allow);
        deny = checked("deny", deny);
    }

    private static List<String> checked(String field, List<String> destinations) {
        List<String> copy = List.copyOf(Objects.requireNonNullElse(destinations, List.of()));
        for (String destination : copy) {
            if (!DESTINATION.matcher(destination).matches() || !parses(destination)) {
                throw new InvalidFieldException(field, "'" + destination + "' is not a destination: write 10.0.0.0/8,"
                        + " 192.0.2.10:443, [2001:db8::]/32 or db.internal:5432");
            }
        }
        return copy;
    }

    private static boolean parses(String destination) {
        try {
            Destination.parse(destination);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
