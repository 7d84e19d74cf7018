package dev.bulwark.scanner.analyzer.rpm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The storage formats rpm has used for its database, told apart by their magic numbers. */
enum RpmDatabaseFormat {

    /** rpm 4.16+: {@code rpmdb.sqlite}. */
    SQLITE,
    /** rpm up to 4.15: a BerkeleyDB hash database, {@code Packages}. */
    BERKELEY_DB,
    /** rpm's own format, used by openSUSE: {@code Packages.db}. */
    NDB,
    UNKNOWN;

    private static final int BDB_HASH_MAGIC = 0x061561;
    private static final int BDB_BTREE_MAGIC = 0x053162;
    private static final int NDB_MAGIC = 'R' | 'p' << 8 | 'm' << 16 | 'P' << 24;

    static RpmDatabaseFormat of(byte[] content) {
        if (SqliteRpmDatabase.looksLikeSqlite(content)) {
            return SQLITE;
        }
        if (looksLikeBerkeleyDb(content)) {
            return BERKELEY_DB;
        }
        if (content.length >= 4 && ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN).getInt(0) == NDB_MAGIC) {
            return NDB;
        }
        return UNKNOWN;
    }

    /** A BerkeleyDB metadata page has its magic number at offset 12, in the byte order of the machine that wrote it. */
    private static boolean looksLikeBerkeleyDb(byte[] content) {
        if (content.length < 16) {
            return false;
        }
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            int magic = ByteBuffer.wrap(content).order(order).getInt(12);
            if (magic == BDB_HASH_MAGIC || magic == BDB_BTREE_MAGIC) {
                return true;
            }
        }
        return false;
    }
}
