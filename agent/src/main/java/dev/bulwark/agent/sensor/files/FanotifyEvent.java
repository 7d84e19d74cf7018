package dev.bulwark.agent.sensor.files;

import dev.bulwark.policy.runtime.FileAccessKind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code struct fanotify_event_metadata}: what happened ({@code mask}), an open descriptor of the file
 * ({@code fd}, which the reader must close; -1 for a queue overflow) and the process that did it.
 */
public record FanotifyEvent(long mask, int fd, int pid) {

    static final int METADATA_VERSION = 3;
    static final int METADATA_LENGTH = 24;

    /** Splits what one {@code read} of a fanotify descriptor returned into its events. */
    public static List<FanotifyEvent> parse(byte[] buffer, int length) {
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length).order(ByteOrder.nativeOrder());
        List<FanotifyEvent> events = new ArrayList<>();
        int offset = 0;
        while (length - offset >= METADATA_LENGTH) {
            int eventLength = bytes.getInt(offset);
            int version = bytes.get(offset + 4) & 0xff;
            if (version != METADATA_VERSION) {
                throw new IllegalStateException("fanotify event metadata version " + version + " is not the "
                        + METADATA_VERSION + " this sensor reads: the kernel ABI changed");
            }
            if (eventLength < METADATA_LENGTH || offset + eventLength > length) {
                throw new IllegalStateException("fanotify event at offset " + offset + " claims " + eventLength
                        + " bytes of " + (length - offset) + " left");
            }
            events.add(new FanotifyEvent(bytes.getLong(offset + 8), bytes.getInt(offset + 16),
                    bytes.getInt(offset + 20)));
            offset += eventLength;
        }
        return List.copyOf(events);
    }

    public boolean overflowed() {
        return (mask & Fanotify.FAN_Q_OVERFLOW) != 0;
    }

    /**
     * The file-access kinds this event stands for: {@code exec} for an open to execute, {@code read} for another open,
     * {@code write} for a change.
     */
    List<FileAccessKind> kinds() {
        List<FileAccessKind> kinds = new ArrayList<>(2);
        if ((mask & Fanotify.FAN_OPEN_EXEC) != 0) {
            kinds.add(FileAccessKind.EXEC);
        } else if ((mask & Fanotify.FAN_OPEN) != 0) {
            kinds.add(FileAccessKind.READ);
        }
        if ((mask & (Fanotify.FAN_MODIFY | Fanotify.FAN_CLOSE_WRITE)) != 0) {
            kinds.add(FileAccessKind.WRITE);
        }
        return List.copyOf(kinds);
    }
}
