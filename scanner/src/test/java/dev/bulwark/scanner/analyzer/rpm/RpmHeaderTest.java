package dev.bulwark.scanner.analyzer.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RpmHeaderTest {

    @Test
    void readsStringAndInt32Tags() {
        RpmHeader header = RpmHeader.parse(new HeaderBlob().string(RpmHeader.NAME, "bash").int32(RpmHeader.EPOCH, 2)
                .string(RpmHeader.VERSION, "5.1.8").bytes());

        assertThat(header.string(RpmHeader.NAME)).contains("bash");
        assertThat(header.string(RpmHeader.VERSION)).contains("5.1.8");
        assertThat(header.int32(RpmHeader.EPOCH)).contains(2);
        assertThat(header.string(RpmHeader.ARCH)).isEmpty();
    }

    @Test
    void rejectsAHeaderShorterThanItsIndexSays() {
        byte[] blob = new HeaderBlob().string(RpmHeader.NAME, "bash").string(RpmHeader.VERSION, "5.1.8").bytes();

        assertThatThrownBy(() -> RpmHeader.parse(Arrays.copyOf(blob, 30)))
                .isInstanceOf(RpmDatabaseException.class)
                .hasMessage("its header blob is 30 bytes, but its 2 index entries and 11 bytes of data need 51: the header is truncated");
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> RpmHeader.parse(new byte[] {0x7f, 0, 0, 0, 0, 0, 0, 0}))
                .isInstanceOf(RpmDatabaseException.class)
                .hasMessageContaining("claims 2130706432 index entries");
    }

    @Test
    void rejectsAStringWithoutItsTerminator() {
        RpmHeader header = RpmHeader.parse(new HeaderBlob().unterminated(RpmHeader.NAME, "bash").bytes());

        assertThatThrownBy(() -> header.string(RpmHeader.NAME))
                .isInstanceOf(RpmDatabaseException.class)
                .hasMessage("its NAME (1000) string at data offset 0 has no terminating NUL before the end of the header data");
    }

    @Test
    void rejectsATagOfTheWrongType() {
        RpmHeader header = RpmHeader.parse(new HeaderBlob().string(RpmHeader.EPOCH, "1").bytes());

        assertThatThrownBy(() -> header.int32(RpmHeader.EPOCH))
                .isInstanceOf(RpmDatabaseException.class)
                .hasMessage("its EPOCH (1003) tag has type 6 and count 1 where an int32 belongs");
    }

    @Test
    void rejectsAHeaderWithoutAName() {
        RpmHeader header = RpmHeader.parse(new HeaderBlob().string(RpmHeader.VERSION, "1.0").string(RpmHeader.RELEASE, "1").bytes());

        assertThatThrownBy(() -> InstalledRpm.from(header))
                .isInstanceOf(RpmDatabaseException.class)
                .hasMessage("its header has no NAME (1000) tag");
    }

    @Test
    void splitsASourceRpmFileName() {
        assertThat(SourceRpm.parse("openssl-3.0.7-27.el9.src.rpm")).contains(new SourceRpm("openssl", "3.0.7-27.el9"));
        assertThat(SourceRpm.parse("python3.11-3.11.2-2.el9_2.1.src.rpm")).contains(new SourceRpm("python3.11", "3.11.2-2.el9_2.1"));
        assertThat(SourceRpm.parse("xz-libs-5.2.5-8.el9_0.nosrc.rpm")).contains(new SourceRpm("xz-libs", "5.2.5-8.el9_0"));
        assertThat(SourceRpm.parse("(none)")).isEmpty();
        assertThat(SourceRpm.parse("nameonly.src.rpm")).isEqualTo(Optional.empty());
    }
}
