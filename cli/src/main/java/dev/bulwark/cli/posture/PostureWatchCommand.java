package dev.bulwark.cli.posture;

import dev.bulwark.cli.support.Progress;
import dev.bulwark.policy.text.Numbers;
import dev.bulwark.scanner.db.DbUpdater;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bulwark posture watch}: update the database and refresh, again and again. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Update the vulnerability database and refresh the posture on a schedule, until stopped.",
            "A failed update or refresh is reported and tried again at the next interval; the old database stays.",
            "Exit code: 0 after --times refreshes, 2 usage or configuration error."})
public final class PostureWatchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RefreshOptions refresh;

    @Option(names = "--interval", paramLabel = "SPAN", defaultValue = "6h",
            description = "the time between refreshes: 90s, 30m, 6h, 1d (default: ${DEFAULT-VALUE})")
    private String interval;

    @Option(names = "--source", paramLabel = "URL|DIR|ZIP|FILE",
            description = "update the database from these OSV sources before each refresh, as bulwark db update does (default:"
                    + " its public OSV exports); repeatable")
    private List<String> sources = new ArrayList<>();

    @Option(names = "--no-update", description = "refresh against the database as it is; something else updates it")
    private boolean noUpdate;

    @Option(names = "--times", paramLabel = "N", defaultValue = "0",
            description = "stop after N refreshes (default: ${DEFAULT-VALUE}, never)")
    private int times;

    @Override
    public Integer call() throws InterruptedException {
        Duration every;
        try {
            every = Numbers.parseDuration(interval, "--interval");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (times < 0) {
            throw new ParameterException(spec.commandLine(), "--times " + times + " is negative: give 0 (never stop) or more");
        }
        PrintWriter err = spec.commandLine().getErr();
        for (int round = 1; times == 0 || round <= times; round++) {
            try {
                if (!noUpdate) {
                    new DbUpdater(Clock.systemUTC(), Progress.onTerminal(err))
                            .update(refresh.database(), sources.isEmpty() ? DbUpdater.DEFAULT_SOURCES : sources);
                }
                refresh.run(spec);
            } catch (ParameterException e) {
                throw e;
            } catch (RuntimeException e) {
                err.println(spec.qualifiedName() + ": this round failed, trying again in " + interval + ": " + e.getMessage());
                err.flush();
            }
            if (times == 0 || round < times) {
                Thread.sleep(every.toMillis());
            }
        }
        return 0;
    }
}
