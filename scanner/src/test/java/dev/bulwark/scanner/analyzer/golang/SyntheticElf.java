package dev.bulwark.scanner.analyzer.golang;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes minimal ELF files by the format's layout: a header, one read-write loadable segment and no section table,
 * as a Go binary stripped of its section headers looks. Used for what no Go toolchain here can build: the build
 * info layout of Go 1.13 to 1.17, which holds pointers to Go string headers instead of the strings.
 */
final class SyntheticElf {

    static final long SEGMENT_ADDRESS = 0x4c0100;
    private static final int SEGMENT_OFFSET = 0x100;

    private SyntheticElf() {
    }

    /** An ELF file whose only segment (read-write, at {@link #SEGMENT_ADDRESS}) holds {@code segment}. */
    static byte[] withDataSegment(boolean wide, ByteOrder order, byte[] segment) {
        ByteBuffer out = ByteBuffer.allocate(SEGMENT_OFFSET + segment.length).order(order);
        out.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (wide ? 2 : 1), (byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2), 1});
        out.position(16);
        out.putShort((short) 2).putShort((short) (wide ? 62 : 8)).putInt(1); // executable, x86-64 or MIPS, version 1
        int headerSize = wide ? 64 : 52;
        putWord(out, wide, 0); // entry
        putWord(out, wide, headerSize); // program header table right after this header
        putWord(out, wide, 0); // no section header table
        out.putInt(0).putShort((short) headerSize).putShort((short) (wide ? 56 : 32)).putShort((short) 1);
        out.putShort((short) (wide ? 64 : 40)).putShort((short) 0).putShort((short) 0);
        out.position(headerSize);
        out.putInt(1); // PT_LOAD
        if (wide) {
            out.putInt(6).putLong(SEGMENT_OFFSET).putLong(SEGMENT_ADDRESS).putLong(SEGMENT_ADDRESS)
                    .putLong(segment.length).putLong(segment.length).putLong(0x1000);
        } else {
            out.putInt(SEGMENT_OFFSET).putInt((int) SEGMENT_ADDRESS).putInt((int) SEGMENT_ADDRESS)
                    .putInt(segment.length).putInt(segment.length).putInt(6).putInt(0x1000);
        }
        out.position(SEGMENT_OFFSET);
        out.put(segment);
        return out.array();
    }

    /**
     * A data segment holding Go build info in the pointer layout: the 32-byte header, then the two string headers it
     * points to, then the strings.
     */
    static byte[] pointerBuildInfo(boolean wide, ByteOrder order, String goVersion, byte[] moduleInfo) {
        int pointerSize = wide ? 8 : 4;
        byte[] version = goVersion.getBytes(StandardCharsets.UTF_8);
        int stringHeaders = 32;
        int strings = stringHeaders + 4 * pointerSize;
        ByteBuffer out = ByteBuffer.allocate(strings + version.length + moduleInfo.length).order(order);
        out.put("\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1));
        out.put((byte) pointerSize).put((byte) (order == ByteOrder.BIG_ENDIAN ? 1 : 0));
        putWord(out, wide, SEGMENT_ADDRESS + stringHeaders);
        putWord(out, wide, SEGMENT_ADDRESS + stringHeaders + 2L * pointerSize);
        out.position(stringHeaders);
        putWord(out, wide, SEGMENT_ADDRESS + strings);
        putWord(out, wide, version.length);
        putWord(out, wide, SEGMENT_ADDRESS + strings + version.length);
        putWord(out, wide, moduleInfo.length);
        out.put(version).put(moduleInfo);
        return out.array();
    }

    /** Module info as the Go linker embeds it: framed by 16-byte sentinels (their content is not checked). */
    static byte[] framed(String moduleInfo) {
        byte[] text = moduleInfo.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(text.length + 32);
        out.put(sentinel((byte) 0xaf)).put(text).put(sentinel((byte) 0xf9));
        return out.array();
    }

    private static byte[] sentinel(byte fill) {
        byte[] bytes = new byte[16];
        Arrays.fill(bytes, fill);
        return bytes;
    }

    private static void putWord(ByteBuffer out, boolean wide, long value) {
        if (wide) {
            out.putLong(value);
        } else {
            out.putInt((int) value);
        }
    }
}
