package dev.bulwark.policy.gate.check;

import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.model.GateRules;
import dev.bulwark.policy.vuln.ImageFacts.Distro;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** {@code image.endOfLifeDistro}: the image's OS release must still get security updates. */
final class EndOfLifeCheck implements GateCheck {

    private final DistroLifecycle lifecycle;

    EndOfLifeCheck(DistroLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public List<Reason> check(GateRules rules, CheckContext context) {
        if (rules.image() == null || rules.image().endOfLifeDistro() == null || context.image().distro().isEmpty()) {
            return List.of();
        }
        Distro distro = context.image().distro().get();
        Optional<LocalDate> endOfLife = lifecycle.endOfLife(distro);
        LocalDate today = LocalDate.ofInstant(context.now(), ZoneOffset.UTC);
        if (endOfLife.isEmpty() || today.isBefore(endOfLife.get())) {
            return List.of();
        }
        return List.of(new Reason("image.endOfLifeDistro", rules.image().endOfLifeDistro(), "image",
                distro + " reached its end of life on " + endOfLife.get()
                        + " and gets no more security updates: move to a supported release"));
    }
}
