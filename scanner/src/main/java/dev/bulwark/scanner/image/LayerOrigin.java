package dev.bulwark.scanner.image;

/**
 * Where a layer's bytes come from, which decides what a cached analysis of it may be trusted by. An analysis is
 * cached only after the walk hashed the layer's uncompressed content and found the diffID its config claims.
 */
public enum LayerOrigin {
    /**
     * The local Docker engine's own image. The engine stores layers by their diffID and checked each when it
     * stored it, so its diffIDs are trusted: a cached analysis is found by diffID alone.
     */
    ENGINE,
    /**
     * A registry, which serves blobs by their digest. A cached analysis is found through the blob digest, and
     * only when that blob was verified earlier to decompress to the diffID the config claims now.
     */
    REGISTRY,
    /**
     * A file on this machine ({@code docker save} archive, OCI layout), which anyone may have edited: as for a
     * registry, and on a cache hit the blob is still hashed against its digest.
     */
    FILE
}
