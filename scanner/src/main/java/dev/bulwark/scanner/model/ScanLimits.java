package dev.bulwark.scanner.model;

/**
 * How much of an image Bulwark will read before it stops with an error. The defaults fit real images with
 * room to spare; a hostile layer (a gzip bomb, a million entries) hits one of them instead of the disk or
 * the heap.
 *
 * @param maxLayerBytes     uncompressed bytes in one layer
 * @param maxEntries        entries in one layer
 * @param maxFileBytes      bytes of one file handed to an analyzer (larger files are skipped and reported)
 * @param maxPathLength     characters in one path
 * @param maxNestingDepth   archives inside archives (jar in war in ear …)
 */
public record ScanLimits(long maxLayerBytes, long maxEntries, long maxFileBytes, int maxPathLength, int maxNestingDepth) {

    public static final ScanLimits DEFAULTS = new ScanLimits(32L << 30, 2_000_000, 256L << 20, 4096, 8);

    public ScanLimits {
        if (maxLayerBytes <= 0 || maxEntries <= 0 || maxFileBytes <= 0 || maxPathLength <= 0 || maxNestingDepth < 0) {
            throw new IllegalArgumentException("scan limits must be positive: " + maxLayerBytes + ", " + maxEntries + ", "
                    + maxFileBytes + ", " + maxPathLength + ", " + maxNestingDepth);
        }
    }

    public ScanLimits withMaxLayerBytes(long bytes) {
        return new ScanLimits(bytes, maxEntries, maxFileBytes, maxPathLength, maxNestingDepth);
    }

    public ScanLimits withMaxFileBytes(long bytes) {
        return new ScanLimits(maxLayerBytes, maxEntries, bytes, maxPathLength, maxNestingDepth);
    }

    public ScanLimits withMaxEntries(long entries) {
        return new ScanLimits(maxLayerBytes, entries, maxFileBytes, maxPathLength, maxNestingDepth);
    }
}
