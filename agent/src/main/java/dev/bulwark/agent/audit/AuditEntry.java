package dev.bulwark.agent.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.bulwark.policy.runtime.Decision;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.policy.runtime.Response;
import dev.bulwark.policy.runtime.RuntimeMode;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: a decision the agent made or an action it took, with its evidence.
 *
 * @param at              when
 * @param containerId     the container's full ID
 * @param containerName   its name
 * @param imageDigest     the digest of the image it runs ({@code sha256:…}), empty when unknown
 * @param rule            the runtime rule involved ({@code deniedExecutables}, …), empty when none
 * @param decision        {@code allow}, {@code alert} or {@code block}
 * @param response        the response taken ({@code alert}, {@code quarantine}, …), empty when none
 * @param mode            the container's mode when it happened: {@code learn}, {@code monitor}, {@code protect} or {@code off}
 * @param observationJson the observation, as a JSON object; {@code {}} when the entry has none
 * @param detail          what happened, in words: the decision's reason, the action's outcome or error
 */
public record AuditEntry(Instant at, String containerId, String containerName, String imageDigest, String rule,
                         String decision, String response, String mode, String observationJson, String detail) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        requireText(containerId, "container ID");
        requireText(decision, "decision");
        requireText(mode, "mode");
        containerName = Objects.requireNonNullElse(containerName, "");
        imageDigest = Objects.requireNonNullElse(imageDigest, "");
        rule = Objects.requireNonNullElse(rule, "");
        response = Objects.requireNonNullElse(response, "");
        observationJson = observationJson == null || observationJson.isBlank() ? "{}" : observationJson;
        requireJsonObject(observationJson);
        detail = Objects.requireNonNullElse(detail, "");
    }

    /**
     * The entry for a decision on an observation.
     *
     * @param taken the response taken, or {@code null} when none was
     */
    public static AuditEntry of(Instant at, String containerId, String containerName, String imageDigest,
                                Decision decision, Response taken, RuntimeMode mode, Observation observation,
                                String detail) {
        String rule = decision.match(allow -> "", alert -> alert.rule().field(), block -> block.rule().field());
        String why = decision.match(allow -> "", Decision.Alert::why, Decision.Block::why);
        String said = detail == null || detail.isBlank() ? why : detail;
        return new AuditEntry(at, containerId, containerName, imageDigest, rule, decision.word(),
                taken == null ? "" : taken.word(), mode.word(), observationJson(observation), said);
    }

    /** An observation as a JSON object with its {@code type} ({@code ProcessExec}, {@code Connect}, …). */
    public static String observationJson(Observation observation) {
        if (observation == null) {
            return "{}";
        }
        ObjectNode node = JSON.createObjectNode().put("type", observation.getClass().getSimpleName());
        node.setAll((ObjectNode) JSON.valueToTree(observation));
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write observation " + observation + " as JSON", e);
        }
    }

    private static void requireJsonObject(String json) {
        try {
            if (!JSON.readTree(json).isObject()) {
                throw new IllegalArgumentException("an audit entry's observation must be a JSON object, not " + json);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an audit entry's observation is not JSON (" + e.getOriginalMessage()
                    + "): build it with AuditEntry.observationJson", e);
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs a " + what + "; it was empty");
        }
    }
}
