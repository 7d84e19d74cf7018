package dev.bulwark.agent.prevent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * What a file is, as far as a cached judgement goes: its device and inode, and its change time and size. The change
 * time (ctime) moves on every write and every attribute change and, unlike the modification time, cannot be set back
 * by the file's owner, so a program rewritten in place is judged again.
 */
record FileKey(long device, long inode, long changedNanos, long size) {

    /** The key of the file a path (or {@code /proc/self/fd/N}) leads to. */
    static FileKey of(Path path) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(path, "unix:dev,ino,ctime,size");
        return new FileKey(((Number) attributes.get("dev")).longValue(), ((Number) attributes.get("ino")).longValue(),
                nanos((FileTime) attributes.get("ctime")), ((Number) attributes.get("size")).longValue());
    }

    private static long nanos(FileTime time) {
        return time.to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
