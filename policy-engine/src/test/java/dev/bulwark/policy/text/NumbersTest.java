package dev.bulwark.policy.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void readsDecimalAndHexadecimalNumbers() {
        assertThat(Numbers.parseInt("8080", "the port")).isEqualTo(8080);
        assertThat(Numbers.parseInt("-1", "the uid")).isEqualTo(-1);
        assertThat(Numbers.parseLong("9000000000", "the start time")).isEqualTo(9_000_000_000L);
        assertThat(Numbers.parseHex("1F90", "the local port")).isEqualTo(8080);
    }

    @Test
    void namesWhatWasReadAndShowsTheTextWhenItIsNotANumber() {
        assertThatThrownBy(() -> Numbers.parseInt("80x", "the port in 'tcp:80x'"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the port in 'tcp:80x' is '80x', which is not a whole number")
                .hasCauseInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Numbers.parseHex("ZZ", "the socket state"))
                .hasMessage("the socket state is 'ZZ', which is not a hexadecimal whole number");
        assertThatThrownBy(() -> Numbers.parseLong(null, "Retry-After"))
                .hasMessageContaining("Retry-After is missing");
    }

    @Test
    void refusesANumberTooLargeForItsTypeRatherThanWrappingIt() {
        assertThatThrownBy(() -> Numbers.parseInt("4294967296", "an IPv4 octet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an IPv4 octet is 4294967296, which is out of range");
    }

    @Test
    void readsSpansOfTimeWithTheirUnitAndRefusesOthersSayingWhatToWrite() {
        assertThat(Numbers.parseDuration("90s", "--interval")).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(Numbers.parseDuration("30m", "--interval")).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(Numbers.parseDuration(" 6h ", "--interval")).isEqualTo(java.time.Duration.ofHours(6));
        assertThat(Numbers.parseDuration("1d", "--interval")).isEqualTo(java.time.Duration.ofDays(1));
        assertThatThrownBy(() -> Numbers.parseDuration("6", "--interval")).hasMessageContaining("write 90s, 30m, 6h or 1d");
        assertThatThrownBy(() -> Numbers.parseDuration("6w", "--interval")).hasMessage("--interval '6w' has no unit: write 90s, 30m, 6h or 1d");
        assertThatThrownBy(() -> Numbers.parseDuration("0h", "--interval")).hasMessageContaining("is not positive");
        assertThatThrownBy(() -> Numbers.parseDuration("xh", "--interval")).hasMessageContaining("--interval 'xh'");
    }
}
