package dev.bulwark.store.posture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of Debian's packages ({@code apt-get install postgresql}), started for a test class in a
 * directory of its own on a free loopback port, trusting local connections, stopped by {@link #close()}. Without the
 * packages a test is skipped, naming them; with {@code CI=true} it fails instead.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path data;
    private final int port;

    private LocalPostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** Starts a server with its files below {@code directory}. */
    public static LocalPostgres start(Path directory) {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            String missing = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install -y postgresql";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing);
            }
            Assumptions.abort(missing);
        }
        try {
            Path home = Files.createDirectories(directory.resolve("postgres"));
            Path data = home.resolve("data");
            for (Path path = home; path != null; path = path.getParent()) {
                path.toFile().setExecutable(true, false);
            }
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            LocalPostgres server = new LocalPostgres(bin.get(), data, port);
            run(List.of(), List.of("chown", "postgres", home.toString()));
            run(server.asUser(), List.of(bin.get().resolve("initdb").toString(), "-D", data.toString(), "-A", "trust",
                    "-U", "bulwark", "--no-sync"));
            run(server.asUser(), List.of(bin.get().resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                    "-l", home.resolve("server.log").toString(), "-o", "-p " + port + " -k " + home
                            + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50", "start"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty database on the server: its JDBC URL. */
    public String newDatabase() {
        String name = "posture" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres")); Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=bulwark";
    }

    @Override
    public void close() {
        run(asUser(), List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
    }

    private List<String> asUser() {
        return asPostgres();
    }

    private static List<String> asPostgres() {
        return isRoot() ? List.of("runuser", "-u", "postgres", "--") : List.of();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Optional<Path> binaries() {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> installed = Files.list(versions)) {
            return installed.map(version -> version.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .sorted().reduce((older, newer) -> newer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> prefix, List<String> command) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        if (!isRoot() && command.get(0).equals("chown")) {
            return;
        }
        try {
            Path log = Files.createTempFile("postgres", ".log");
            Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed (" + process.exitValue() + "): "
                        + Files.readString(log));
            }
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + full, e);
        }
    }
}
