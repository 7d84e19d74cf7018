package dev.bulwark.agent.admission;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Docker API requests admission control judges: container create, start and restart, exec create and volume
 * create, and any POST whose path cannot be decoded. Everything else (lists, inspects, logs, stops) passes unjudged.
 */
final class JudgedCalls {

    private static final Pattern CONTAINER_CALL = Pattern.compile("^/containers/(.+)/(start|restart|exec)$");

    /** What a judged request is. */
    enum Kind { CREATE, VOLUME, START, RESTART, EXEC, UNREADABLE }

    /**
     * A judged request.
     *
     * @param kind      what it does
     * @param container the container it names (start, restart, exec), else empty
     */
    record Call(Kind kind, String container) {
    }

    private JudgedCalls() {
    }

    /** The judged call a request makes, or empty when admission control lets it pass unjudged. */
    static Optional<Call> of(DockerRequest request) {
        if (!request.method().equalsIgnoreCase("POST")) {
            return Optional.empty();
        }
        Optional<String> decoded = request.path();
        if (decoded.isEmpty()) {
            return Optional.of(new Call(Kind.UNREADABLE, ""));
        }
        String path = decoded.get();
        if (path.equals("/containers/create")) {
            return Optional.of(new Call(Kind.CREATE, ""));
        }
        if (path.equals("/volumes/create")) {
            return Optional.of(new Call(Kind.VOLUME, ""));
        }
        Matcher call = CONTAINER_CALL.matcher(path);
        if (call.matches()) {
            Kind kind = switch (call.group(2)) {
                case "exec" -> Kind.EXEC;
                case "restart" -> Kind.RESTART;
                default -> Kind.START;
            };
            return Optional.of(new Call(kind, call.group(1)));
        }
        return Optional.empty();
    }
}
