package dev.bulwark.gate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a CI build becomes after the gate, as Jenkins names results; worse ones come later. */
public enum BuildResult {
    SUCCESS, UNSTABLE, FAILURE;

    /**
     * The result named, in any case.
     *
     * @throws IllegalArgumentException naming the results there are
     */
    public static BuildResult parse(String text) {
        String wanted = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(result -> result.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a build result: use one of "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    /**
     * The build's result after a verdict: pass is success; warn and fail become what the job configured, and a fail
     * is never a success.
     *
     * @param verdict {@code pass}, {@code warn} or {@code fail}
     * @throws IllegalArgumentException for any other verdict, or when a fail is configured as success
     */
    public static BuildResult after(String verdict, BuildResult onWarn, BuildResult onFail) {
        if (onFail == SUCCESS) {
            throw new IllegalArgumentException("a fail verdict cannot leave the build successful: use UNSTABLE or FAILURE");
        }
        return switch (verdict) {
            case "pass" -> SUCCESS;
            case "warn" -> onWarn;
            case "fail" -> onFail;
            default -> throw new IllegalArgumentException("'" + verdict + "' is not a verdict: pass, warn or fail");
        };
    }
}
