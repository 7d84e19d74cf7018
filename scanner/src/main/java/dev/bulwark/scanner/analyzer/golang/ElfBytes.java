package dev.bulwark.scanner.analyzer.golang;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads fixed-size integers from an ELF file in its byte order and word size. Every read is bounds-checked, so a
 * truncated or corrupt file gives a {@link GoBinaryException} that names what was cut off, never an index error.
 *
 * @param bytes the whole file
 * @param order the file's byte order
 * @param wide  whether the file is 64-bit (addresses and offsets are 8 bytes) rather than 32-bit
 */
record ElfBytes(byte[] bytes, ByteOrder order, boolean wide) {

    int length() {
        return bytes.length;
    }

    int u8(long offset, String what) {
        check(offset, 1, what);
        return bytes[(int) offset] & 0xff;
    }

    int u16(long offset, String what) {
        return (int) unsigned(offset, 2, what);
    }

    long u32(long offset, String what) {
        return unsigned(offset, 4, what);
    }

    /** An address, offset or size: 4 bytes in a 32-bit file, 8 in a 64-bit one. */
    long word(long offset, String what) {
        long value = unsigned(offset, wide ? 8 : 4, what);
        if (value < 0) {
            throw new GoBinaryException(what + " at offset " + offset + " is larger than any file: the ELF file is corrupt");
        }
        return value;
    }

    /** A copy of {@code length} bytes from {@code offset}. */
    byte[] slice(long offset, long length, String what) {
        check(offset, length, what);
        return Arrays.copyOfRange(bytes, (int) offset, (int) (offset + length));
    }

    /** Whether {@code length} bytes at {@code offset} lie inside the file. */
    boolean contains(long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= bytes.length && length <= bytes.length - offset;
    }

    private long unsigned(long offset, int size, String what) {
        check(offset, size, what);
        long value = 0;
        for (int i = 0; i < size; i++) {
            int index = order == ByteOrder.BIG_ENDIAN ? i : size - 1 - i;
            value = (value << 8) | (bytes[(int) offset + index] & 0xff);
        }
        return value;
    }

    private void check(long offset, long length, String what) {
        if (!contains(offset, length)) {
            throw new GoBinaryException(what + " (" + length + " bytes at offset " + offset + ") runs past the end of the "
                    + bytes.length + "-byte file: the binary is truncated or corrupt");
        }
    }
}
