package dev.bulwark.agent.prevent;

import java.time.Instant;

/**
 * An open the exec guard refused: the process got "Operation not permitted" and the program never ran (or the file was
 * never read).
 *
 * @param containerId   the container
 * @param at            when the kernel asked
 * @param exec          an exec ({@code true}) or a read of a credential file
 * @param path          the file, as the container names it
 * @param pid           the process that asked (host PID): for an exec, the one that was to become the program
 * @param requester     that process's executable before the exec (its program, which tried to start this one)
 * @param parentPid     its parent's PID
 * @param rule          the rule that refused it ({@code deniedExecutables}, {@code allowedExecutables}, {@code profile},
 *                      {@code exec})
 * @param why           why, in words
 */
public record Refusal(String containerId, Instant at, boolean exec, String path, long pid, String requester, long parentPid,
                      String rule, String why) {
}
