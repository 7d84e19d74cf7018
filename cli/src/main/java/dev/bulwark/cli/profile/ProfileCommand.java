package dev.bulwark.cli.profile;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code bulwark profile}: the behaviour profiles the agent learned. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "List, export, import and set the mode of the behaviour profiles the agent learned per image and workload,"
            + " learn them in CI, read those attached to an image, and try a policy against them.",
        subcommands = {ProfileListCommand.class, ProfileExportCommand.class, ProfileImportCommand.class, ProfileLearnCommand.class,
            ProfilePullCommand.class,
            ProfileModeCommand.class, ProfileTryCommand.class, HelpCommand.class})
public final class ProfileCommand {
}
