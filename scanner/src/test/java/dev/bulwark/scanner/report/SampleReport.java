package dev.bulwark.scanner.report;

/** The report the golden files are written from, for the tests of modules that write or send reports. */
public final class SampleReport {

    private SampleReport() {
    }

    /** A judged report (fail at stage production) with findings in four ecosystems, suppressions and remediation. */
    public static ScanReport failing() {
        return ReportFixture.report();
    }
}
