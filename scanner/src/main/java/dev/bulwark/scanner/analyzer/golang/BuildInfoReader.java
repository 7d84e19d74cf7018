package dev.bulwark.scanner.analyzer.golang;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds and decodes the build info blob of a Go binary, as Go's {@code debug/buildinfo} describes it: a 32-byte
 * header starting with {@code "\xff Go buildinf:"} at a 16-byte aligned address, then the pointer size and a flags
 * byte. Since Go 1.18 (flag 2 set) the Go version and module info follow the header as varint-length-prefixed
 * strings; before, the header holds the addresses of two Go string headers (data pointer and length).
 */
final class BuildInfoReader {

    static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    private static final int HEADER_SIZE = 32;
    private static final int ALIGNMENT = 16;
    private static final int FLAG_BIG_ENDIAN = 1;
    private static final int FLAG_INLINE_STRINGS = 2;
    private static final int SENTINEL_SIZE = 16;
    private static final long MAX_STRING = 64L << 20;

    private BuildInfoReader() {
    }

    /**
     * Reads the build info of an ELF file: from its {@code .go.buildinfo} section, or, when the file has no section
     * table, from the start of its first data segment, where Go's linker puts it.
     *
     * @return the build info, or empty if the file is not a Go binary
     * @throws GoBinaryException if the file has build info that is cut off or corrupt
     */
    static Optional<RawBuildInfo> read(ElfFile elf) {
        Optional<ElfFile.Section> section = elf.section(".go.buildinfo");
        if (section.isPresent()) {
            ElfFile.Section found = section.get();
            return decode(elf, elf.fileBytes(found.offset(), found.size(), "section .go.buildinfo"), found.address());
        }
        if (elf.hasSectionTable()) {
            return Optional.empty();
        }
        return elf.firstDataSegment().flatMap(segment ->
                decode(elf, elf.fileBytes(segment.offset(), segment.fileSize(), "data segment"), segment.address()));
    }

    private static Optional<RawBuildInfo> decode(ElfFile elf, byte[] region, long address) {
        int start = find(region, address);
        if (start < 0) {
            return Optional.empty();
        }
        if (region.length - start < HEADER_SIZE) {
            throw new GoBinaryException("Go build info header at address 0x" + Long.toHexString(address + start)
                    + " is cut off after " + (region.length - start) + " of " + HEADER_SIZE + " bytes");
        }
        int pointerSize = region[start + MAGIC.length] & 0xff;
        int flags = region[start + MAGIC.length + 1] & 0xff;
        Strings raw = (flags & FLAG_INLINE_STRINGS) != 0
                ? inlineStrings(region, start + HEADER_SIZE)
                : new PointerStrings(elf, pointerSize, flags == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN)
                        .read(Arrays.copyOfRange(region, start + 16, start + HEADER_SIZE));
        if (raw.goVersion().length == 0) {
            throw new GoBinaryException("Go build info at address 0x" + Long.toHexString(address + start)
                    + " has no Go version: the binary is corrupt");
        }
        return Optional.of(new RawBuildInfo(new String(raw.goVersion(), StandardCharsets.UTF_8),
                withoutSentinels(raw.moduleInfo())));
    }

    /** The first 16-byte aligned occurrence of the magic, or -1. */
    private static int find(byte[] region, long address) {
        int misalignment = (int) Math.floorMod(address, (long) ALIGNMENT);
        int first = misalignment == 0 ? 0 : ALIGNMENT - misalignment;
        for (int i = first; i <= region.length - MAGIC.length; i += ALIGNMENT) {
            if (Arrays.equals(region, i, i + MAGIC.length, MAGIC, 0, MAGIC.length)) {
                return i;
            }
        }
        return -1;
    }

    private static Strings inlineStrings(byte[] region, int offset) {
        Varint version = Varint.read(region, offset, "Go version");
        byte[] goVersion = string(region, version, "Go version");
        Varint modules = Varint.read(region, version.end() + (int) version.value(), "module info");
        return new Strings(goVersion, string(region, modules, "module info"));
    }

    private static byte[] string(byte[] region, Varint length, String what) {
        if (length.value() > region.length - length.end()) {
            throw new GoBinaryException("Go build info " + what + " claims " + length.value() + " bytes but only "
                    + (region.length - length.end()) + " remain: the binary is truncated or corrupt");
        }
        return Arrays.copyOfRange(region, length.end(), length.end() + (int) length.value());
    }

    /** Go's linker frames module info with 16-byte sentinels; without them the text is not module info. */
    private static String withoutSentinels(byte[] bytes) {
        if (bytes.length >= 2 * SENTINEL_SIZE + 1 && bytes[bytes.length - SENTINEL_SIZE - 1] == '\n') {
            return new String(bytes, SENTINEL_SIZE, bytes.length - 2 * SENTINEL_SIZE, StandardCharsets.UTF_8);
        }
        return "";
    }

    /** The Go version and module info, as bytes: the sentinels around the module info are not UTF-8. */
    private record Strings(byte[] goVersion, byte[] moduleInfo) {
    }

    /** An unsigned LEB128 varint and the offset just after it. */
    private record Varint(long value, int end) {

        static Varint read(byte[] bytes, int offset, String what) {
            long value = 0;
            for (int i = 0; i < 10 && offset + i < bytes.length; i++) {
                int b = bytes[offset + i] & 0xff;
                value |= (long) (b & 0x7f) << (7 * i);
                if ((b & 0x80) == 0) {
                    if (value < 0 || value > MAX_STRING) {
                        throw new GoBinaryException("Go build info " + what + " claims a length of " + Long.toUnsignedString(value)
                                + " bytes: the binary is corrupt");
                    }
                    return new Varint(value, offset + i + 1);
                }
            }
            throw new GoBinaryException("Go build info " + what + " length at offset " + offset
                    + " is cut off: the binary is truncated or corrupt");
        }
    }

    /** The pre-1.18 layout: the header holds the addresses of two Go string headers. */
    private record PointerStrings(ElfFile elf, int pointerSize, ByteOrder order) {

        PointerStrings {
            if (pointerSize != 4 && pointerSize != 8) {
                throw new GoBinaryException("Go build info gives a pointer size of " + pointerSize + "; only 4 and 8 exist");
            }
        }

        Strings read(byte[] pointers) {
            ElfBytes header = new ElfBytes(pointers, order, pointerSize == 8);
            byte[] version = stringAt(header.word(0, "Go version pointer"), "Go version");
            byte[] modules = stringAt(header.word(pointerSize, "module info pointer"), "module info");
            return new Strings(version, modules);
        }

        private byte[] stringAt(long address, String what) {
            ElfBytes stringHeader = new ElfBytes(elf.readMemory(address, 2L * pointerSize, what + " string header"),
                    order, pointerSize == 8);
            long data = stringHeader.word(0, what + " string header");
            long length = stringHeader.word(pointerSize, what + " string header");
            if (length > MAX_STRING) {
                throw new GoBinaryException("Go build info " + what + " claims " + length + " bytes: the binary is corrupt");
            }
            return length == 0 ? new byte[0] : elf.readMemory(data, length, what);
        }
    }
}
