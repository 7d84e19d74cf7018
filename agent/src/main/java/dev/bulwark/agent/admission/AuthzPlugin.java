package dev.bulwark.agent.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.audit.AuditLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Docker Engine's authorization plugin protocol: {@code /Plugin.Activate} says the plugin implements {@code authz};
 * {@code /AuthZPlugin.AuthZReq} is asked before the engine acts on a request and answers with the judge's
 * decision; {@code /AuthZPlugin.AuthZRes} is asked before the engine answers and always allows (admission is
 * decided on the request). Every judged request is audited, and so is every request the judge could not decide
 * (allowed or refused as {@code admission.failure} says).
 */
final class AuthzPlugin implements UnixHttpServer.Handler {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String MODE = "admission";

    private final Supplier<AdmissionJudge> judge;
    private final String unavailable;
    private final AdmissionSettings settings;
    private final AuditLog audit;
    private final Consumer<AuditEntry> alerts;
    private final Consumer<String> warn;
    private final Clock clock;

    /**
     * @param judge       the judge, or null where there is none (the fallback of an agent that is down): the requests it
     *                    would judge then get the failure setting, the rest pass
     * @param unavailable why there is no judge, for the audit record and the refusal
     */
    AuthzPlugin(Supplier<AdmissionJudge> judge, String unavailable, AdmissionSettings settings, AuditLog audit,
                Consumer<AuditEntry> alerts, Consumer<String> warn, Clock clock) {
        this.judge = judge;
        this.unavailable = unavailable;
        this.settings = settings;
        this.audit = audit;
        this.alerts = alerts;
        this.warn = warn;
        this.clock = clock;
    }

    @Override
    public UnixHttpServer.Answer handle(String path, byte[] body) {
        return switch (path) {
            case "/Plugin.Activate" -> answer(JSON.createObjectNode().set("Implements", JSON.createArrayNode().add("authz")));
            case "/AuthZPlugin.AuthZReq" -> answer(request(body));
            case "/AuthZPlugin.AuthZRes" -> answer(JSON.createObjectNode().put("Allow", true));
            default -> new UnixHttpServer.Answer(404, ("{\"Err\":\"" + path.replaceAll("[^A-Za-z0-9./_-]", "?")
                    + " is not part of the authorization plugin protocol\"}").getBytes(StandardCharsets.UTF_8));
        };
    }

    private ObjectNode request(byte[] envelope) {
        DockerRequest request;
        try {
            request = read(envelope);
        } catch (IOException | IllegalArgumentException e) {
            return failed(new AdmissionDecision.Unjudgeable("an unreadable request", "", "the engine's request could not be read: "
                    + e.getMessage()), null);
        }
        AdmissionJudge current = judge.get();
        AdmissionDecision decision;
        if (current == null) {
            decision = JudgedCalls.of(request).<AdmissionDecision>map(call -> new AdmissionDecision.Unjudgeable(
                    request.method() + " " + request.rawUri(), call.container(), unavailable)).orElse(new AdmissionDecision.Unjudged());
        } else {
            try {
                decision = current.judge(request);
            } catch (UnreadableRequestException unreadable) {
                decision = new AdmissionDecision.Refused(request.method() + " " + request.rawUri(), "", "", "request",
                        unreadable.getMessage());
            } catch (RuntimeException e) {
                warn.accept("admission: judging " + request.method() + " " + request.rawUri() + " failed: " + e);
                decision = new AdmissionDecision.Unjudgeable(request.method() + " " + request.rawUri(), "", "judging it failed: " + e);
            }
        }
        if (decision instanceof AdmissionDecision.Unjudged) {
            return JSON.createObjectNode().put("Allow", true);
        }
        if (decision instanceof AdmissionDecision.Admitted admitted) {
            record(request, admitted.target(), admitted.image(), "", "allow", "", admitted.call() + ": " + admitted.detail());
            return JSON.createObjectNode().put("Allow", true);
        }
        if (decision instanceof AdmissionDecision.Refused refused) {
            record(request, refused.target(), refused.image(), refused.rule(), "block", "refuse", refused.call() + ": " + refused.reason());
            return JSON.createObjectNode().put("Allow", false).put("Msg", "Bulwark refused " + refused.call() + ": " + refused.reason());
        }
        return failed((AdmissionDecision.Unjudgeable) decision, request);
    }

    private ObjectNode failed(AdmissionDecision.Unjudgeable unjudgeable, DockerRequest request) {
        boolean open = settings.failure() == AdmissionSettings.Failure.OPEN;
        String said = unjudgeable.call() + " was not judged (" + unjudgeable.reason() + "); admission.failure is "
                + settings.failure().word() + ", so it is " + (open ? "allowed" : "refused");
        record(request, unjudgeable.target(), "", "admission.failure", open ? "allow" : "block", open ? "" : "refuse", said);
        return open ? JSON.createObjectNode().put("Allow", true)
                : JSON.createObjectNode().put("Allow", false).put("Msg", "Bulwark refused " + said);
    }

    private void record(DockerRequest request, String target, String image, String rule, String decision, String response, String detail) {
        ObjectNode observation = JSON.createObjectNode().put("type", "DockerRequest");
        if (request != null) {
            observation.put("method", request.method()).put("uri", request.rawUri()).put("user", request.user());
        }
        AuditEntry entry = new AuditEntry(clock.instant(), target == null || target.isBlank() ? "-" : target, "", image, rule, decision,
                response, MODE, observation.toString(), detail);
        try {
            audit.append(entry);
        } catch (RuntimeException e) {
            warn.accept("admission: the audit log did not take the record of " + detail + ": " + e.getMessage());
        }
        alerts.accept(entry);
    }

    private static DockerRequest read(byte[] envelope) throws IOException {
        JsonNode root = JSON.readTree(envelope);
        if (root == null || !root.isObject()) {
            throw new IOException("the request is not a JSON object");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        root.path("RequestHeaders").fields().forEachRemaining(header -> headers.put(header.getKey(), header.getValue().asText()));
        String body = root.path("RequestBody").asText("");
        return new DockerRequest(root.path("User").asText(""), root.path("RequestMethod").asText(""), root.path("RequestUri").asText(""),
                Base64.getDecoder().decode(body), headers);
    }

    private static UnixHttpServer.Answer answer(JsonNode json) {
        return new UnixHttpServer.Answer(200, json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
