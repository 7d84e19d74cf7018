package dev.bulwark.notify.outcome;

import dev.bulwark.policy.vuln.Finding;
import java.util.List;
import java.util.Objects;

/**
 * A vulnerability in the image and what to do about it.
 *
 * @param finding    the finding (IDs, package, severity, fixed version)
 * @param title      a one-line summary
 * @param advice     what to do ({@code upgrade org.example:lib from 1.2 to 1.4}, or why no upgrade helps yet)
 * @param blocking   whether the verdict fails because of it
 * @param references advisory links
 */
public record FindingAdvice(Finding finding, String title, String advice, boolean blocking, List<String> references) {

    public FindingAdvice {
        Objects.requireNonNull(finding, "finding");
        title = Objects.requireNonNullElse(title, "");
        advice = Objects.requireNonNullElse(advice, "");
        references = List.copyOf(references);
    }
}
