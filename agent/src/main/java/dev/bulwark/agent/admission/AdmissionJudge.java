package dev.bulwark.agent.admission;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.policy.runtime.AdmissionRules;
import dev.bulwark.policy.runtime.ContainerConfigRules;
import dev.bulwark.policy.runtime.Decision;
import dev.bulwark.policy.runtime.ExecSetting;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.policy.runtime.RuntimeMode;
import dev.bulwark.policy.runtime.RuntimeRule;
import dev.bulwark.policy.runtime.RuntimeSpec;
import dev.bulwark.scanner.promote.AttachedVerdict;
import dev.bulwark.policy.text.Numbers;
import java.time.Clock;
import java.util.Optional;

/**
 * Decides one Docker API request by the policy's admission rules: container create, start and restart, exec
 * create and volume create are judged; everything else passes at once. A create is judged by what its body asks
 * for and by the verdict attached to its image; a start by what the container was given and its image's verdict
 * (so a container created before the plugin ran, or a tag moved between create and start, is still judged).
 */
final class AdmissionJudge {

    /** The largest body of a start that cannot carry a host configuration (the engine reads one above 7 bytes). */
    private static final int EMPTY_START = 7;

    private final RuntimeSpec runtime;
    private final AdmissionRules rules;
    private final DockerClient docker;
    private final ImageVerdicts verdicts;
    private final AdmissionSettings settings;
    private final Clock clock;

    AdmissionJudge(RuntimeSpec runtime, DockerClient docker, ImageVerdicts verdicts, AdmissionSettings settings, Clock clock) {
        this.runtime = runtime;
        this.rules = HostPaths.resolved(runtime.admission());
        this.docker = docker;
        this.verdicts = verdicts;
        this.settings = settings;
        this.clock = clock;
    }

    AdmissionDecision judge(DockerRequest request) {
        Optional<JudgedCalls.Call> call = JudgedCalls.of(request);
        if (call.isEmpty()) {
            return new AdmissionDecision.Unjudged();
        }
        return switch (call.get().kind()) {
            case UNREADABLE -> new AdmissionDecision.Refused(request.method() + " " + request.rawUri(), "", "", "request",
                    "the request's path " + request.rawUri() + " has a malformed escape; Bulwark refuses what it cannot read");
            case CREATE -> create(request);
            case VOLUME -> volume(request);
            case EXEC -> exec(call.get().container(), request);
            case START -> start(call.get().container(), "start", request);
            case RESTART -> start(call.get().container(), "restart", request);
        };
    }

    private AdmissionDecision create(DockerRequest request) {
        String name = request.query("name").orElse("");
        ContainerAsk ask = ContainerAsk.ofCreate(body(request, "create"));
        String call = "create " + (name.isEmpty() ? "a container" : name) + " from " + ask.image();
        Optional<ImageVerdicts.LocalImage> image = verdicts.local(ask.image());
        String user = ask.user().isEmpty() ? image.map(ImageVerdicts.LocalImage::user).orElse("") : ask.user();
        String imageId = image.map(ImageVerdicts.LocalImage::id).orElse("");
        Optional<AdmissionDecision> refused = refusedByRules(call, name, imageId, new Observation.ContainerConfig(name, clock.instant(),
                ask.privileged(), ask.capabilities(), HostPaths.resolved(ask.hostMounts()), ask.hostNamespaces(), user));
        if (refused.isPresent()) {
            return refused.get();
        }
        if (image.isEmpty()) {
            return new AdmissionDecision.Admitted(call, name, "", "the engine has no image " + ask.image()
                    + ", so it refuses the create itself (the docker CLI then pulls it and creates again)");
        }
        return verdict(call, name, image.get());
    }

    private AdmissionDecision start(String container, String verb, DockerRequest request) {
        String call = verb + " " + container;
        long length = request.header("Content-Length").map(text -> text.strip().matches("\\d{1,18}") ? Numbers.parseLong(text.strip(), "the Content-Length") : -1L)
                .orElse(-1L);
        if (request.body().length > EMPTY_START || request.apiBelow(1, 24) && (length < 0 || length > EMPTY_START)) {
            return new AdmissionDecision.Refused(call, container, "", "request", "a " + verb + " that carries a host configuration"
                    + " (API versions before 1.24) is refused: give the container its configuration when it is created");
        }
        ContainerInfo info;
        try {
            info = ContainerInfo.of(docker.inspectContainerCmd(container).exec());
        } catch (NotFoundException absent) {
            return new AdmissionDecision.Admitted(call, container, "", "the engine has no container " + container + " and refuses the "
                    + verb + " itself");
        }
        String named = info.name().isEmpty() ? info.id() : info.name();
        Optional<AdmissionDecision> refused = refusedByRules(verb + " " + named, info.id(), info.imageId(),
                new Observation.ContainerConfig(info.id(), clock.instant(), info.privileged(), info.addedCapabilities(),
                        HostPaths.resolved(java.util.List.copyOf(info.mounts().keySet())), info.hostNamespaces(), info.spec().user()));
        if (refused.isPresent()) {
            return refused.get();
        }
        return verdicts.local(info.imageId()).map(image -> verdict(verb + " " + named, info.id(), image))
                .orElseGet(() -> new AdmissionDecision.Refused(verb + " " + named, info.id(), info.imageId(), RuntimeRule.REQUIRED_VERDICT.field(),
                        "the engine no longer has image " + info.imageId() + " of container " + named));
    }

    private AdmissionDecision exec(String container, DockerRequest request) {
        ContainerAsk ask = ContainerAsk.ofExec(body(request, "exec"));
        ContainerInfo info;
        try {
            info = ContainerInfo.of(docker.inspectContainerCmd(container).exec());
        } catch (NotFoundException absent) {
            return new AdmissionDecision.Admitted("exec in " + container, container, "", "the engine has no container " + container);
        }
        String named = info.name().isEmpty() ? info.id() : info.name();
        String call = "exec in " + named;
        if (ask.privileged() && !rules.allowsPrivileged()) {
            return new AdmissionDecision.Refused(call, info.id(), info.imageId(), RuntimeRule.PRIVILEGED.field(),
                    "a privileged exec is refused: admission.privileged is false");
        }
        String user = ask.user().isEmpty() ? info.spec().user() : ask.user();
        if (!rules.allowsRoot() && AdmissionRules.isRoot(user)) {
            return new AdmissionDecision.Refused(call, info.id(), info.imageId(), RuntimeRule.RUN_AS_NON_ROOT.field(),
                    "an exec as root (user '" + user + "') is refused: admission.runAsNonRoot is true; pass --user with a non-zero UID");
        }
        RuntimeMode mode = info.mode().filter(m -> m != dev.bulwark.agent.mode.ContainerMode.OFF)
                .map(dev.bulwark.agent.mode.ContainerMode::runtimeMode).orElse(runtime.defaultMode());
        if (runtime.exec() == ExecSetting.DENY && mode == RuntimeMode.PROTECT) {
            return new AdmissionDecision.Refused(call, info.id(), info.imageId(), "exec",
                    "docker exec into " + named + " is refused: the policy's runtime.exec is deny and the container is in protect mode");
        }
        return new AdmissionDecision.Admitted(call, info.id(), info.imageId(), "the exec asks for nothing the admission rules deny");
    }

    private AdmissionDecision volume(DockerRequest request) {
        ContainerAsk ask = ContainerAsk.ofVolume(body(request, "volume create"));
        String name = "create volume";
        return refusedByRules(name, "", "", new Observation.ContainerConfig("volume", clock.instant(), false, java.util.List.of(),
                HostPaths.resolved(ask.hostMounts()), java.util.List.of(), "nobody"))
                .orElseGet(() -> new AdmissionDecision.Admitted(name, "", "", ask.hostMounts().isEmpty() ? "the volume binds no host path"
                        : "the volume binds " + ask.hostMounts() + ", which admission.deniedMounts allows"));
    }

    private Optional<AdmissionDecision> refusedByRules(String call, String target, String image, Observation.ContainerConfig asked) {
        Decision decision = ContainerConfigRules.decide(rules, asked);
        return decision.match(allow -> Optional.empty(), alert -> Optional.empty(),
                block -> Optional.of(new AdmissionDecision.Refused(call, target, image, block.rule().field(), block.why())));
    }

    private AdmissionDecision verdict(String call, String target, ImageVerdicts.LocalImage image) {
        String required = rules.requiredVerdict();
        if (required == null) {
            return new AdmissionDecision.Admitted(call, target, image.id(), "it asks for nothing the admission rules deny,"
                    + " and the policy requires no verdict");
        }
        String stage = settings.stage().orElse("any stage");
        if (image.repoDigests().isEmpty()) {
            return new AdmissionDecision.Refused(call, target, image.id(), RuntimeRule.REQUIRED_VERDICT.field(), "image " + image.id()
                    + " came from no registry (it was built or loaded here), so it carries no Bulwark verdict; admission.requiredVerdict"
                    + " is " + required + ": run it from a registry it was promoted to (bulwark promote)");
        }
        ImageVerdicts.Found found = verdicts.verdicts(image);
        Optional<AttachedVerdict> newest = ImageVerdicts.forStage(found.verdicts(), settings.stage());
        if (newest.isEmpty()) {
            if (!found.unread().isEmpty()) {
                return new AdmissionDecision.Unjudgeable(call, target, "the verdict of " + image.id() + " could not be read: "
                        + String.join("; ", found.unread()));
            }
            return new AdmissionDecision.Refused(call, target, image.id(), RuntimeRule.REQUIRED_VERDICT.field(), "image "
                    + image.repoDigests() + " carries no Bulwark verdict for " + stage + "; admission.requiredVerdict is " + required
                    + ": promote it with bulwark promote --stage " + settings.stage().orElse("STAGE"));
        }
        AttachedVerdict verdict = newest.get();
        boolean enough = verdict.verdict().equals("pass") || required.equals("warn") && verdict.verdict().equals("warn");
        String said = "verdict " + verdict.verdict() + " at stage " + verdict.stage() + " (policy " + verdict.policy() + ", judged "
                + verdict.judgedAt() + ")";
        if (!enough) {
            return new AdmissionDecision.Refused(call, target, image.id(), RuntimeRule.REQUIRED_VERDICT.field(), "image "
                    + image.repoDigests().get(0) + " carries " + said + ", and admission.requiredVerdict is " + required
                    + ": fix what the gate reported and promote a new build");
        }
        return new AdmissionDecision.Admitted(call, target, image.id(), "the image carries " + said);
    }

    private static byte[] body(DockerRequest request, String what) {
        if (request.body().length == 0) {
            throw new UnreadableRequestException("the " + what + " request's body did not reach Bulwark (the engine forwards JSON"
                    + " bodies under 1 MiB sent with a Content-Length): send it as application/json with a Content-Length");
        }
        return request.body();
    }
}
