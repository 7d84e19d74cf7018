package dev.bulwark.scanner.analyzer.java;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * How many entries a zip archive says it has, read from its end-of-central-directory record (and the zip64 one
 * when the count does not fit in 16 bits) before the archive is opened: opening it builds an object for every
 * entry, and a hostile archive can list millions.
 */
final class CentralDirectory {

    /** The largest real archives (assemblies of a whole framework) have a few hundred thousand entries. */
    static final long MAX_ENTRIES = 500_000;

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int END_LENGTH = 22;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_LOCATOR_LENGTH = 20;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;

    private CentralDirectory() {
    }

    /** @throws TooManyEntries when the archive lists more than {@link #MAX_ENTRIES} */
    static void checkEntries(byte[] zip) throws TooManyEntries {
        OptionalLong entries = entries(zip);
        if (entries.isPresent() && entries.getAsLong() > MAX_ENTRIES) {
            throw new TooManyEntries("it lists " + entries.getAsLong() + " entries, more than the " + MAX_ENTRIES
                    + " of the largest real archives");
        }
    }

    /** The total number of entries the archive's end record gives, or empty when there is no end record to read. */
    static OptionalLong entries(byte[] zip) {
        int lowest = Math.max(0, zip.length - END_LENGTH - 0xffff);
        for (int at = zip.length - END_LENGTH; at >= lowest; at--) {
            if (int32(zip, at) == END_SIGNATURE) {
                long entries = int16(zip, at + 10);
                int locator = at - ZIP64_LOCATOR_LENGTH;
                if (entries == 0xffff && locator >= 0 && int32(zip, locator) == ZIP64_LOCATOR_SIGNATURE) {
                    long record = int64(zip, locator + 8);
                    if (record >= 0 && record <= zip.length - 56L && int32(zip, (int) record) == ZIP64_END_SIGNATURE) {
                        entries = int64(zip, (int) record + 32);
                    }
                }
                return OptionalLong.of(entries < 0 ? Long.MAX_VALUE : entries);
            }
        }
        return OptionalLong.empty();
    }

    private static int int16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int int32(byte[] b, int at) {
        return int16(b, at) | int16(b, at + 2) << 16;
    }

    private static long int64(byte[] b, int at) {
        return (int32(b, at) & 0xffffffffL) | (long) int32(b, at + 4) << 32;
    }

    /** An archive not opened because it lists more entries than any real one. */
    static final class TooManyEntries extends IOException {
        private static final long serialVersionUID = 1L;

        TooManyEntries(String message) {
            super(message);
        }
    }
}
