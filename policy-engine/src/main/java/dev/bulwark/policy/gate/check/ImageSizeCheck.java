package dev.bulwark.policy.gate.check;

import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.model.GateRules;
import java.util.List;

/** {@code image.maxSizeMb}: the image must not be larger than the limit. */
final class ImageSizeCheck implements GateCheck {

    private static final long MIB = 1024L * 1024L;

    @Override
    public List<Reason> check(GateRules rules, CheckContext context) {
        if (rules.image() == null || rules.image().maxSizeMb() == null) {
            return List.of();
        }
        long limit = rules.image().maxSizeMb().limit();
        long size = context.image().sizeBytes();
        if (size <= limit * MIB) {
            return List.of();
        }
        return List.of(new Reason("image.maxSizeMb", rules.image().maxSizeMb().action(), "image",
                "is " + (size + MIB - 1) / MIB + " MiB, over the limit of " + limit
                        + " MiB: use a smaller base image or a multi-stage build"));
    }
}
