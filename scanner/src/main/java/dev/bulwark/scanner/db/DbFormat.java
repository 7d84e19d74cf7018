package dev.bulwark.scanner.db;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The layout of the database file, in one place for the builder and the reader. */
final class DbFormat {

    static final int SCHEMA_VERSION = 2;

    static final String[] SCHEMA = {
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE advisory (id TEXT PRIMARY KEY, record TEXT NOT NULL)",
        "CREATE TABLE affected (ecosystem TEXT NOT NULL, name TEXT NOT NULL, advisory_id TEXT NOT NULL, entry INTEGER NOT NULL)",
    };

    static final String INDEX = "CREATE INDEX affected_package ON affected (ecosystem, name)";

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private DbFormat() {
    }
}
