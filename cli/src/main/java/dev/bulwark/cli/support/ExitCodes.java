package dev.bulwark.cli.support;

import dev.bulwark.policy.load.PolicyLoadException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Bulwark's exit codes: 0 pass, 1 fail, 2 usage or configuration error, 3 scan error. An error is printed as
 * one line that says what is wrong; the stack trace only with BULWARK_DEBUG=1.
 */
public final class ExitCodes implements IExecutionExceptionHandler {

    public static final int FAIL = 1;
    public static final int USAGE = 2;
    public static final int SCAN_ERROR = 3;

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        if (error instanceof PolicyLoadException policy) {
            policy.problems().forEach(problem -> err.println(problem));
            return USAGE;
        }
        boolean usage = error instanceof IllegalArgumentException;
        err.println(commandLine.getCommandSpec().qualifiedName() + ": " + (usage ? "" : "error: ") + error.getMessage());
        if ("1".equals(System.getenv("BULWARK_DEBUG"))) {
            error.printStackTrace(err);
        }
        err.flush();
        return usage ? USAGE : SCAN_ERROR;
    }
}
