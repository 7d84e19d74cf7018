package dev.bulwark.gate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a gate run leaves for the CI server's build page, in plain values that travel back from a build agent.
 *
 * @param image    the image judged
 * @param stage    the stage
 * @param verdict  {@code pass}, {@code warn} or {@code fail}
 * @param findings unsuppressed findings
 * @param reasons  the first reasons of the verdict, as the log shows them
 * @param reports  the report files written, relative to the workspace
 */
public record GateSummary(String image, String stage, String verdict, int findings, List<String> reasons, List<String> reports)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public GateSummary {
        // Plain unmodifiable lists: the summary travels back from a build agent, whose class filter knows these.
        reasons = Collections.unmodifiableList(new ArrayList<>(reasons));
        reports = Collections.unmodifiableList(new ArrayList<>(reports));
    }
}
