package dev.bulwark.scanner.analyzer.rpm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes rpm header blobs by the documented layout, for the cases no rpm tool would write. */
final class HeaderBlob {

    private record Entry(int tag, int type, int offset, int count) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    HeaderBlob string(int tag, String value) {
        entries.add(new Entry(tag, 6, data.size(), 1));
        data.writeBytes((value + "\0").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** A string without its terminating NUL, as a corrupt header might hold. */
    HeaderBlob unterminated(int tag, String value) {
        entries.add(new Entry(tag, 6, data.size(), 1));
        data.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    HeaderBlob int32(int tag, int value) {
        while (data.size() % 4 != 0) {
            data.write(0);
        }
        entries.add(new Entry(tag, 4, data.size(), 1));
        data.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
        return this;
    }

    byte[] bytes() {
        ByteBuffer out = ByteBuffer.allocate(8 + 16 * entries.size() + data.size());
        out.putInt(entries.size()).putInt(data.size());
        entries.forEach(entry -> out.putInt(entry.tag()).putInt(entry.type()).putInt(entry.offset()).putInt(entry.count()));
        return out.put(data.toByteArray()).array();
    }
}
