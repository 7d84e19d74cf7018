package dev.bulwark.scanner.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.policy.testing.Corpora;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    private static final Instant MODIFIED = Instant.parse("2026-11-30T08:15:30.123456789Z");

    @Test
    void everyRecordOfTheRealAdvisoryCorporaComesBackEqual() {
        List<OsvRecord> records = new ArrayList<>();
        for (String source : List.of("osv-pypi/vulns", "osv-ghsa/maven", "osv-ghsa/npm")) {
            OsvFiles.read(Corpora.corpus(source), source, records::add);
        }

        assertThat(records).hasSizeGreaterThan(2_700);
        for (OsvRecord record : records) {
            assertThat(RecordCodec.decode(RecordCodec.encode(record))).as(record.id()).isEqualTo(record);
        }
    }

    @Test
    void aRecordWithEveryFieldSetAndTextOutsideAsciiComesBackEqual() {
        OsvRecord record = full("résumé – ünïcode ✓ 漏洞", "");

        assertThat(RecordCodec.decode(RecordCodec.encode(record))).isEqualTo(record);
    }

    @Test
    void emptyStringsAndTheCommonWordsAreTold() {
        OsvRecord record = full("", "SEMVER");

        OsvRecord back = RecordCodec.decode(RecordCodec.encode(record));

        assertThat(back.summary()).isEmpty();
        assertThat(back.source()).isEqualTo("SEMVER");
    }

    @Test
    void aTruncatedOrPaddedRecordIsRefusedNotMisread() {
        byte[] bytes = RecordCodec.encode(full("summary", "source"));

        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> RecordCodec.decode(cut)).as("cut at %d", length).isInstanceOf(IllegalArgumentException.class);
        }
        byte[] padded = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> RecordCodec.decode(padded)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after the record");
    }

    @Test
    void aHugeCountIsRefusedBeforeAnythingIsAllocated() {
        byte[] bytes = {1, 'x', 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};

        assertThatThrownBy(() -> RecordCodec.decode(bytes)).isInstanceOf(IllegalArgumentException.class);
    }

    private static OsvRecord full(String summary, String source) {
        OsvRecord.Range semver = new OsvRecord.Range("SEMVER", List.of(new OsvRecord.Event("introduced", "0"),
                new OsvRecord.Event("fixed", "1.2.3"), new OsvRecord.Event("limit", "2.0.0")));
        OsvRecord.Range git = new OsvRecord.Range("GIT", List.of(new OsvRecord.Event("introduced", "a1b2c3"),
                new OsvRecord.Event("last_affected", "d4e5f6")));
        OsvRecord.Affected first = new OsvRecord.Affected("Debian:12", "openssl", List.of(semver, git), List.of("1.0", "1.1"),
                List.of(new OsvRecord.Severity("CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")));
        OsvRecord.Affected second = new OsvRecord.Affected("npm", "@scope/pkg", List.of(), List.of(), List.of());
        return new OsvRecord("DSA-5000-1", MODIFIED, Optional.of(Instant.parse("1999-12-31T23:59:59Z")),
                Optional.of(Instant.ofEpochSecond(-86_400, 5)), List.of("CVE-2026-1", "GHSA-aaaa-bbbb-cccc"),
                List.of("CVE-2026-1", "CVE-2026-2"), List.of("USN-1"), summary,
                List.of(new OsvRecord.Severity("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N")), Optional.of("MODERATE"),
                List.of("https://security-tracker.debian.org/tracker/DSA-5000-1"), List.of(first, second), source);
    }
}
