package dev.bulwark.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportFormatTest {

    @Test
    void readsFormatsAsUsersWriteThem() {
        assertThat(ReportFormat.parse(" SARIF ")).isEqualTo(ReportFormat.SARIF);
        assertThat(ReportFormat.parse("cyclonedx")).isEqualTo(ReportFormat.CYCLONEDX);
    }

    @Test
    void namesTheValidFormatsForAnUnknownOne() {
        assertThatThrownBy(() -> ReportFormat.parse("xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'xml' is not a report format: use one of table, json, sarif, junit, cyclonedx, html");
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void registersAWriterForEveryFormat(ReportFormat format) {
        assertThat(ReportWriter.of(format)).isNotNull();
        assertThat(ReportFormat.parse(format.toString())).isEqualTo(format);
    }
}
