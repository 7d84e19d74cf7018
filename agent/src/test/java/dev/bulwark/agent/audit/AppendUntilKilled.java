package dev.bulwark.agent.audit;

import java.nio.file.Path;
import java.time.Instant;

/** Appends audit entries to the log in the directory given until the process is killed; for {@link AuditLogCrashTest}. */
public final class AppendUntilKilled {

    private AppendUntilKilled() {
    }

    public static void main(String[] args) {
        try (AuditLog log = AuditLog.open(Path.of(args[0]))) {
            System.out.println("open");
            System.out.flush();
            for (long i = 0; ; i++) {
                log.append(new AuditEntry(Instant.now(), "c" + (i % 7), "web-1", "sha256:abc", "deniedExecutables",
                        "block", "stop", "protect", "{\"type\":\"ProcessExec\",\"pid\":" + i + "}", "entry " + i));
            }
        }
    }
}
