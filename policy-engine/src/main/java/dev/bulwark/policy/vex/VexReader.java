package dev.bulwark.policy.vex;

import java.util.List;

/** Reads the statements of one VEX format. Readers are listed in {@link VexDocuments}. */
interface VexReader {

    /** What a document of this format looks like, for the error when no reader accepts a file. */
    String expectation();

    /** Whether the document is of this format. Only looks at its marker fields, never fails. */
    boolean accepts(VexFile document);

    /**
     * The document's statements, in document order.
     *
     * @throws VexFormatException naming the file, the statement and the fix
     */
    List<VexStatement> read(VexFile document);
}
