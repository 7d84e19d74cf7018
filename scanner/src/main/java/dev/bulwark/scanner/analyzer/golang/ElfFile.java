package dev.bulwark.scanner.analyzer.golang;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of an ELF file (32- or 64-bit, either byte order) that lead to Go build info: the loadable segments,
 * which map virtual addresses to file offsets, and the named sections, if the file still has a section table.
 */
final class ElfFile {

    private static final int PT_LOAD = 1;
    private static final int PF_X = 1;
    private static final int PF_W = 2;
    private static final int SHT_NOBITS = 8;

    /** A loadable segment: {@code fileSize} bytes at {@code offset} in the file appear at {@code address} in memory. */
    record Segment(long address, long offset, long fileSize, boolean writable, boolean executable) {
    }

    /** A section that occupies {@code size} bytes at {@code offset} in the file. */
    record Section(String name, long address, long offset, long size) {
    }

    private final ElfBytes bytes;
    private final List<Segment> segments;
    private final List<Section> sections;

    private ElfFile(ElfBytes bytes, List<Segment> segments, List<Section> sections) {
        this.bytes = bytes;
        this.segments = List.copyOf(segments);
        this.sections = List.copyOf(sections);
    }

    /** Whether the content starts with the ELF magic number. */
    static boolean looksLikeElf(byte[] content) {
        return content.length >= 4 && content[0] == 0x7f && content[1] == 'E' && content[2] == 'L' && content[3] == 'F';
    }

    /**
     * Reads the ELF header, program headers and section headers.
     *
     * @throws GoBinaryException if the file is cut off or its header is not one of a 32- or 64-bit ELF file
     */
    static ElfFile parse(byte[] content) {
        if (content.length < 16 || !looksLikeElf(content)) {
            throw new GoBinaryException("not an ELF file: it does not start with the ELF magic number");
        }
        int elfClass = content[4];
        int data = content[5];
        if ((elfClass != 1 && elfClass != 2) || (data != 1 && data != 2)) {
            throw new GoBinaryException("ELF header has class " + elfClass + " and data encoding " + data
                    + "; only 32-bit (1) or 64-bit (2), little-endian (1) or big-endian (2) files are known");
        }
        ElfBytes bytes = new ElfBytes(content, data == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN, elfClass == 2);
        return new ElfFile(bytes, readSegments(bytes), readSections(bytes));
    }

    private static List<Segment> readSegments(ElfBytes bytes) {
        boolean wide = bytes.wide();
        long tableOffset = bytes.word(wide ? 32 : 28, "ELF header");
        int entrySize = bytes.u16(wide ? 54 : 42, "ELF header");
        int count = bytes.u16(wide ? 56 : 44, "ELF header");
        requireEntrySize("program header", entrySize, count, wide ? 56 : 32);
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long entry = tableOffset + (long) i * entrySize;
            String what = "program header " + i;
            if (bytes.u32(entry, what) != PT_LOAD) {
                continue;
            }
            long flags = bytes.u32(entry + (wide ? 4 : 24), what);
            long offset = bytes.word(entry + (wide ? 8 : 4), what);
            long address = bytes.word(entry + (wide ? 16 : 8), what);
            long fileSize = bytes.word(entry + (wide ? 32 : 16), what);
            segments.add(new Segment(address, offset, fileSize, (flags & PF_W) != 0, (flags & PF_X) != 0));
        }
        return segments;
    }

    private static List<Section> readSections(ElfBytes bytes) {
        boolean wide = bytes.wide();
        long tableOffset = bytes.word(wide ? 40 : 32, "ELF header");
        int entrySize = bytes.u16(wide ? 58 : 46, "ELF header");
        int count = bytes.u16(wide ? 60 : 48, "ELF header");
        int namesIndex = bytes.u16(wide ? 62 : 50, "ELF header");
        if (tableOffset == 0 || count == 0 || namesIndex >= count) {
            return List.of(); // no section table (stripped with sstrip and the like), or more sections than we look at
        }
        requireEntrySize("section header", entrySize, count, wide ? 64 : 40);
        bytes.slice(tableOffset, (long) count * entrySize, "section header table");
        long namesEntry = tableOffset + (long) namesIndex * entrySize;
        long namesOffset = bytes.word(namesEntry + (wide ? 24 : 16), "section name table header");
        long namesSize = bytes.word(namesEntry + (wide ? 32 : 20), "section name table header");
        byte[] names = bytes.slice(namesOffset, namesSize, "section name table");
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long entry = tableOffset + (long) i * entrySize;
            if (bytes.u32(entry + 4, "section header " + i) == SHT_NOBITS) {
                continue;
            }
            String name = nameAt(names, bytes.u32(entry, "section header " + i));
            long address = bytes.word(entry + (wide ? 16 : 12), "section header " + i);
            long offset = bytes.word(entry + (wide ? 24 : 16), "section header " + i);
            long size = bytes.word(entry + (wide ? 32 : 20), "section header " + i);
            sections.add(new Section(name, address, offset, size));
        }
        return sections;
    }

    private static void requireEntrySize(String what, int entrySize, int count, int minimum) {
        if (count > 0 && entrySize < minimum) {
            throw new GoBinaryException("ELF header gives " + what + "s a size of " + entrySize + " bytes, less than the "
                    + minimum + " they need: the file is corrupt");
        }
    }

    private static String nameAt(byte[] names, long start) {
        if (start >= names.length) {
            return "";
        }
        int end = (int) start;
        while (end < names.length && names[end] != 0) {
            end++;
        }
        return new String(names, (int) start, end - (int) start, StandardCharsets.ISO_8859_1);
    }

    boolean hasSectionTable() {
        return !sections.isEmpty();
    }

    Optional<Section> section(String name) {
        return sections.stream().filter(section -> section.name().equals(name)).findFirst();
    }

    /** The first segment that is writable but not executable: where Go's linker puts build info. */
    Optional<Segment> firstDataSegment() {
        return segments.stream().filter(segment -> segment.writable() && !segment.executable()).findFirst();
    }

    /** The bytes of a section or segment, as stored in the file. */
    byte[] fileBytes(long offset, long length, String what) {
        return bytes.slice(offset, length, what);
    }

    /**
     * Reads {@code length} bytes at a virtual address, through the loadable segment that maps it.
     *
     * @throws GoBinaryException if no segment maps the whole range, or the file ends before it
     */
    byte[] readMemory(long address, long length, String what) {
        for (Segment segment : segments) {
            long start = segment.address();
            if (Long.compareUnsigned(address, start) >= 0 && address - start < segment.fileSize()) {
                if (length > segment.fileSize() - (address - start)) {
                    break;
                }
                return bytes.slice(segment.offset() + (address - start), length, what);
            }
        }
        throw new GoBinaryException(what + " (" + length + " bytes at address 0x" + Long.toHexString(address)
                + ") lies outside every loadable segment: the binary is corrupt");
    }
}
