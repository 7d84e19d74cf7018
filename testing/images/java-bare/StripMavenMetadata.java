import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar without its META-INF/maven/ directory (pom.properties and pom.xml), every other entry unchanged
 * and in order, as Gradle or Ant would have built it. Prints how many entries it left out.
 * Usage: java StripMavenMetadata.java IN.jar OUT.jar
 */
public final class StripMavenMetadata {
    public static void main(String[] args) throws IOException {
        int removed = 0;
        try (InputStream file = Files.newInputStream(Path.of(args[0])); ZipInputStream in = new ZipInputStream(file);
             OutputStream target = Files.newOutputStream(Path.of(args[1])); ZipOutputStream out = new ZipOutputStream(target)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().startsWith("META-INF/maven/")) {
                    removed++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        System.out.println(removed);
    }
}
