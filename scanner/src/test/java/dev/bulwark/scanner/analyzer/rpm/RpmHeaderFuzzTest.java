package dev.bulwark.scanner.analyzer.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The rpm header reader (the blobs of an rpm database, parsed by Bulwark's own code) fed bytes a fuzzer makes: a
 * header that cannot be read is an {@link RpmDatabaseException}, never another exception, a hang or an
 * out-of-memory. Seeds: the four header blobs of the committed rpm 4.18 database.
 */
class RpmHeaderFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void rpmHeader(byte[] blob) {
        try {
            InstalledRpm rpm = InstalledRpm.from(RpmHeader.parse(blob));
            assertThat(rpm.toPackage("/var/lib/rpm/rpmdb.sqlite").name()).isNotNull();
        } catch (RpmDatabaseException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
