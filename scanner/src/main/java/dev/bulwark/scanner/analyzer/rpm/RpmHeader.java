package dev.bulwark.scanner.analyzer.rpm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An rpm package header as the rpm database stores it (a header blob: no lead, no magic). All numbers are
 * big-endian: the index entry count and the data length (int32 each), then 16-byte index entries (tag, type,
 * offset into the data, count), then the data. Only the string and int32 values Bulwark needs are decoded.
 */
final class RpmHeader {

    static final int NAME = 1000;
    static final int VERSION = 1001;
    static final int RELEASE = 1002;
    static final int EPOCH = 1003;
    static final int ARCH = 1022;
    static final int SOURCERPM = 1044;

    private static final int INT32 = 4;
    private static final int STRING = 6;
    private static final int STRING_ARRAY = 8;
    private static final int I18NSTRING = 9;
    private static final int MAX_ENTRIES = 0xffff;
    private static final int MAX_DATA = 0x0fffffff;
    private static final Map<Integer, String> TAG_NAMES = Map.of(NAME, "NAME", VERSION, "VERSION", RELEASE, "RELEASE",
            EPOCH, "EPOCH", ARCH, "ARCH", SOURCERPM, "SOURCERPM");

    private record Entry(int tag, int type, int offset, int count) {
    }

    private final Map<Integer, Entry> entries;
    private final ByteBuffer data;

    private RpmHeader(Map<Integer, Entry> entries, ByteBuffer data) {
        this.entries = entries;
        this.data = data;
    }

    /**
     * Reads the index of a header blob.
     *
     * @throws RpmDatabaseException if the blob is shorter than its own counts say, or the counts are impossible
     */
    static RpmHeader parse(byte[] blob) {
        if (blob.length < 8) {
            throw new RpmDatabaseException("its header blob is " + blob.length + " bytes, shorter than the 8-byte preamble");
        }
        ByteBuffer buffer = ByteBuffer.wrap(blob); // big-endian, as rpm writes it
        int entryCount = buffer.getInt(0);
        int dataLength = buffer.getInt(4);
        if (entryCount < 1 || entryCount > MAX_ENTRIES || dataLength < 0 || dataLength > MAX_DATA) {
            throw new RpmDatabaseException("its header blob claims " + entryCount + " index entries and " + dataLength
                    + " bytes of data, which no rpm header has");
        }
        long needed = 8L + 16L * entryCount + dataLength;
        if (blob.length < needed) {
            throw new RpmDatabaseException("its header blob is " + blob.length + " bytes, but its " + entryCount
                    + " index entries and " + dataLength + " bytes of data need " + needed + ": the header is truncated");
        }
        Map<Integer, Entry> entries = new HashMap<>();
        for (int i = 0; i < entryCount; i++) {
            int at = 8 + 16 * i;
            Entry entry = new Entry(buffer.getInt(at), buffer.getInt(at + 4), buffer.getInt(at + 8), buffer.getInt(at + 12));
            entries.putIfAbsent(entry.tag(), entry);
        }
        int dataStart = 8 + 16 * entryCount;
        return new RpmHeader(entries, ByteBuffer.wrap(blob, dataStart, dataLength).slice());
    }

    /** The tag's value if it is a string (the first one of a string array or an i18n string). */
    Optional<String> string(int tag) {
        Entry entry = entries.get(tag);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.type() != STRING && entry.type() != STRING_ARRAY && entry.type() != I18NSTRING) {
            throw wrongType(entry, "a string");
        }
        int end = checkedOffset(entry);
        while (end < data.limit() && data.get(end) != 0) {
            end++;
        }
        if (end == data.limit()) {
            throw new RpmDatabaseException("its " + tagName(tag) + " string at data offset " + entry.offset()
                    + " has no terminating NUL before the end of the header data");
        }
        byte[] text = new byte[end - entry.offset()];
        data.get(entry.offset(), text);
        return Optional.of(new String(text, StandardCharsets.UTF_8));
    }

    /** The tag's first value if it is an int32. */
    Optional<Integer> int32(int tag) {
        Entry entry = entries.get(tag);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.type() != INT32 || entry.count() < 1) {
            throw wrongType(entry, "an int32");
        }
        int offset = checkedOffset(entry);
        if (offset > data.limit() - 4) {
            throw new RpmDatabaseException("its " + tagName(tag) + " int32 at data offset " + offset
                    + " runs past the end of the " + data.limit() + "-byte header data");
        }
        return Optional.of(data.getInt(offset));
    }

    private int checkedOffset(Entry entry) {
        if (entry.offset() < 0 || entry.offset() >= data.limit()) {
            throw new RpmDatabaseException("its " + tagName(entry.tag()) + " tag points at data offset " + entry.offset()
                    + ", outside the " + data.limit() + "-byte header data");
        }
        return entry.offset();
    }

    private static RpmDatabaseException wrongType(Entry entry, String expected) {
        return new RpmDatabaseException("its " + tagName(entry.tag()) + " tag has type " + entry.type() + " and count "
                + entry.count() + " where " + expected + " belongs");
    }

    private static String tagName(int tag) {
        return TAG_NAMES.getOrDefault(tag, "tag " + tag) + " (" + tag + ")";
    }
}
