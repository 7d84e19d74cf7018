package dev.bulwark.scanner.db;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The layout of the database file, in one place for the builder and the reader. */
final class DbFormat {

    /** 3: records in {@link RecordCodec}'s binary form instead of JSON, affected entries pointing at the advisory's row. */
    static final int SCHEMA_VERSION = 3;

    static final String[] SCHEMA = {
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE advisory (num INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, record BLOB NOT NULL)",
        // advisory: the advisory's num (its row), so that a lookup reaches the record without a second index
        "CREATE TABLE affected (ecosystem TEXT NOT NULL, name TEXT NOT NULL, advisory INTEGER NOT NULL, entry INTEGER NOT NULL)",
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
