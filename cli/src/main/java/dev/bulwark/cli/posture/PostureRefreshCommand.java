package dev.bulwark.cli.posture;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bulwark posture refresh}: judge every stored image again against the current database. */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = {"Judge every stored image again against the current vulnerability database, reading no image.",
            "Records what changed (verdicts turned, advisories newly affecting, fixes newly available) and tells Jira and Slack"
                + " as the policy's notify section says; running and failing images first, with their hosts.",
            "Exit code: 0 when refreshed, 2 usage or configuration error, 3 when the store or database cannot be read."})
public final class PostureRefreshCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RefreshOptions refresh;

    @Override
    public Integer call() {
        refresh.run(spec);
        return 0;
    }
}
