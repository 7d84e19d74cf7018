package dev.bulwark.gate;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One gate run as a CI server hands it over, in plain values: the image and stage,
 * the policy's text (kept in the CI server's configuration), the reports to write into the workspace, and the
 * secrets for notifications (from the server's credentials store, never written anywhere).
 *
 * @param image      the image, as {@link dev.bulwark.scanner.source.ImageLocation#parse} reads it
 * @param stage      the policy's stage
 * @param policyName the policy's name in the CI server, for messages and the file it is written to
 * @param policyYaml the policy
 * @param workspace  the build's workspace; the policy is written there, so that VEX paths in it are relative to it
 * @param reports    reports to write, {@code FORMAT=PATH} with paths relative to the workspace
 * @param sendNotifications whether to file tickets and send messages as the policy says
 * @param secrets    variables the policy's notify section names, with their values
 * @param buildUrl   the CI build, linked from tickets and messages
 */
public record GateJob(String image, String stage, String policyName, String policyYaml, Path workspace, List<String> reports,
                      boolean sendNotifications, Map<String, String> secrets, Optional<URI> buildUrl) {

    public GateJob {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(policyYaml, "policyYaml");
        Objects.requireNonNull(workspace, "workspace");
        reports = List.copyOf(reports);
        secrets = Map.copyOf(secrets);
        Objects.requireNonNull(buildUrl, "buildUrl");
    }

    @Override
    public String toString() {
        return "GateJob[" + image + " at " + stage + " by policy " + policyName + ", secrets " + secrets.keySet() + "]";
    }
}
