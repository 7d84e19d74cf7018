package dev.bulwark.plugin;

import dev.bulwark.gate.GateSummary;
import hudson.model.Run;
import java.util.List;
import jenkins.model.RunAction2;

/** The gate's verdict on the build page: image, stage, verdict, findings, the first reasons and the reports written. */
public final class BulwarkReportAction implements RunAction2 {

    private final String image;
    private final String stage;
    private final String verdict;
    private final int findings;
    private final List<String> reasons;
    private final List<String> reports;
    private transient Run<?, ?> run;

    BulwarkReportAction(GateSummary summary) {
        this.image = summary.image();
        this.stage = summary.stage();
        this.verdict = summary.verdict();
        this.findings = summary.findings();
        this.reasons = summary.reasons();
        this.reports = summary.reports();
    }

    public String getImage() { return image; }
    public String getStage() { return stage; }
    public String getVerdict() { return verdict; }
    public int getFindings() { return findings; }
    public List<String> getReasons() { return reasons; }
    public List<String> getReports() { return reports; }
    public Run<?, ?> getRun() { return run; }

    @Override
    public void onAttached(Run<?, ?> attachedTo) {
        this.run = attachedTo;
    }

    @Override
    public void onLoad(Run<?, ?> loadedWith) {
        this.run = loadedWith;
    }

    @Override
    public String getIconFileName() {
        return "clipboard.png";
    }

    @Override
    public String getDisplayName() {
        return "Bulwark: " + verdict.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String getUrlName() {
        return "bulwark";
    }
}
