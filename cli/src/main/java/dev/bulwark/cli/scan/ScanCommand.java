package dev.bulwark.cli.scan;

import dev.bulwark.cli.image.ImageOptions;
import dev.bulwark.scanner.report.ScanReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bulwark scan IMAGE}: inventory, vulnerabilities, the policy's verdict, a report. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Scan an image for vulnerable packages and, with a policy, judge it at a stage.",
            "Exit code: 0 pass or warn (or no policy), 1 fail, 2 usage or configuration error, 3 scan error."})
public final class ScanCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ImageOptions image;

    @Mixin
    private GateOptions gate;

    @Override
    public Integer call() {
        ScanReport report = gate.run(image, spec);
        gate.write(report, spec);
        return gate.exitCode(report);
    }
}
