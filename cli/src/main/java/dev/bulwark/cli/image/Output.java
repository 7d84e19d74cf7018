package dev.bulwark.cli.image;

import dev.bulwark.gate.AtomicFiles;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Writes a command's document to standard output or, whole or not at all, to a file (temp file, then rename). */
public final class Output {

    private Output() {
    }

    public static void write(String document, Path file, PrintWriter out) {
        if (file == null) {
            out.print(document);
            out.flush();
            return;
        }
        AtomicFiles.write(file, document);
    }
}
