package dev.bulwark.scanner.db;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a record is stored in the database: a compact binary form that the matcher decodes many times faster than JSON
 * (every record a scan touches is decoded). Strings are a length (varint) and UTF-8 bytes; lists a count and their
 * items; an instant seconds and nanoseconds; an absent optional a length of zero with a leading flag. The layout is
 * versioned with the database ({@link DbFormat#SCHEMA_VERSION}).
 */
final class RecordCodec {

    /** The words that recur in every record, decoded to one shared string each. */
    private static final List<String> COMMON = List.of("introduced", "fixed", "last_affected", "limit", "SEMVER", "ECOSYSTEM",
            "GIT", "CVSS_V3", "CVSS_V4", "npm", "PyPI", "Maven", "Go", "crates.io", "RubyGems", "NuGet", "Packagist");

    private RecordCodec() {
    }

    static byte[] encode(OsvRecord record) {
        Writer out = new Writer();
        out.string(record.id());
        out.instant(record.modified());
        out.optionalInstant(record.published());
        out.optionalInstant(record.withdrawn());
        out.strings(record.aliases());
        out.strings(record.upstream());
        out.strings(record.related());
        out.string(record.summary());
        out.severities(record.severities());
        out.flag(record.databaseSeverity().isPresent());
        record.databaseSeverity().ifPresent(out::string);
        out.strings(record.references());
        out.varint(record.affected().size());
        for (OsvRecord.Affected affected : record.affected()) {
            out.string(affected.ecosystem());
            out.string(affected.name());
            out.varint(affected.ranges().size());
            for (OsvRecord.Range range : affected.ranges()) {
                out.string(range.type());
                out.varint(range.events().size());
                for (OsvRecord.Event event : range.events()) {
                    out.string(event.kind());
                    out.string(event.version());
                }
            }
            out.strings(affected.versions());
            out.severities(affected.severities());
        }
        out.string(record.source());
        return out.bytes();
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a record of this layout
     */
    static OsvRecord decode(byte[] bytes) {
        Reader in = new Reader(ByteBuffer.wrap(bytes));
        try {
            String id = in.string();
            Instant modified = in.instant();
            Optional<Instant> published = in.optionalInstant();
            Optional<Instant> withdrawn = in.optionalInstant();
            List<String> aliases = in.strings();
            List<String> upstream = in.strings();
            List<String> related = in.strings();
            String summary = in.string();
            List<OsvRecord.Severity> severities = in.severities();
            Optional<String> databaseSeverity = in.flag() ? Optional.of(in.string()) : Optional.empty();
            List<String> references = in.strings();
            int count = in.count();
            List<OsvRecord.Affected> affected = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String ecosystem = in.string();
                String name = in.string();
                int rangeCount = in.count();
                List<OsvRecord.Range> ranges = new ArrayList<>(rangeCount);
                for (int r = 0; r < rangeCount; r++) {
                    String type = in.string();
                    int eventCount = in.count();
                    List<OsvRecord.Event> events = new ArrayList<>(eventCount);
                    for (int e = 0; e < eventCount; e++) {
                        events.add(new OsvRecord.Event(in.string(), in.string()));
                    }
                    ranges.add(new OsvRecord.Range(type, events));
                }
                affected.add(new OsvRecord.Affected(ecosystem, name, ranges, in.strings(), in.severities()));
            }
            String source = in.string();
            if (in.buffer.hasRemaining()) {
                throw new IllegalArgumentException(in.buffer.remaining() + " bytes after the record");
            }
            return new OsvRecord(id, modified, published, withdrawn, aliases, upstream, related, summary, severities,
                    databaseSeverity, references, affected, source);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | DateTimeException e) {
            throw new IllegalArgumentException("the record ends early", e);
        }
    }

    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

        void varint(long value) {
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                out.write((int) (rest & 0x7F) | 0x80);
                rest >>>= 7;
            }
            out.write((int) rest);
        }

        void flag(boolean value) {
            out.write(value ? 1 : 0);
        }

        void string(String value) {
            int common = COMMON.indexOf(value);
            if (common >= 0) {
                varint(0); // a length of zero, then which common word (an empty string is common word 0: none)
                varint(common + 1L);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            if (bytes.length == 0) {
                varint(0);
                varint(0);
                return;
            }
            varint(bytes.length);
            out.write(bytes, 0, bytes.length);
        }

        void strings(List<String> values) {
            varint(values.size());
            values.forEach(this::string);
        }

        void instant(Instant value) {
            varint(zigzag(value.getEpochSecond()));
            varint(value.getNano());
        }

        void optionalInstant(Optional<Instant> value) {
            flag(value.isPresent());
            value.ifPresent(this::instant);
        }

        void severities(List<OsvRecord.Severity> severities) {
            varint(severities.size());
            for (OsvRecord.Severity severity : severities) {
                string(severity.type());
                string(severity.score());
            }
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private static long zigzag(long value) {
            return (value << 1) ^ (value >> 63);
        }
    }

    private static final class Reader {
        private final ByteBuffer buffer;

        Reader(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = buffer.get();
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a number longer than 64 bits");
        }

        int count() {
            long value = varint();
            if (value > buffer.remaining()) {
                throw new IllegalArgumentException("a count of " + value + " with " + buffer.remaining() + " bytes left");
            }
            return (int) value;
        }

        boolean flag() {
            byte b = buffer.get();
            if (b != 0 && b != 1) {
                throw new IllegalArgumentException("a flag of " + b);
            }
            return b == 1;
        }

        String string() {
            int length = count();
            if (length == 0) {
                long common = varint();
                if (common == 0) {
                    return "";
                }
                if (common > COMMON.size()) {
                    throw new IllegalArgumentException("common word " + common + " of " + COMMON.size());
                }
                return COMMON.get((int) common - 1);
            }
            String value = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            return value;
        }

        List<String> strings() {
            int count = count();
            if (count == 0) {
                return List.of();
            }
            String[] values = new String[count];
            for (int i = 0; i < count; i++) {
                values[i] = string();
            }
            return List.of(values);
        }

        Instant instant() {
            long zigzag = varint();
            long seconds = (zigzag >>> 1) ^ -(zigzag & 1);
            long nanos = varint();
            if (nanos > 999_999_999L) {
                throw new IllegalArgumentException("an instant with " + nanos + " nanoseconds");
            }
            return Instant.ofEpochSecond(seconds, nanos);
        }

        Optional<Instant> optionalInstant() {
            return flag() ? Optional.of(instant()) : Optional.empty();
        }

        List<OsvRecord.Severity> severities() {
            int count = count();
            List<OsvRecord.Severity> severities = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                severities.add(new OsvRecord.Severity(string(), string()));
            }
            return severities;
        }
    }
}
