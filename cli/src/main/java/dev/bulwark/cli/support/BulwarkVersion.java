package dev.bulwark.cli.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version the build stamped into the jar. */
public final class BulwarkVersion implements IVersionProvider {

    public static String version() {
        try (InputStream in = BulwarkVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the Bulwark jar: rebuild it with ./mvnw package");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("reading Bulwark's version", e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"bulwark " + version(), "Java " + Runtime.version()};
    }
}
