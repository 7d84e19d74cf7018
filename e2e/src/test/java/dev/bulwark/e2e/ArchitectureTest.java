package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.bulwark");

    private final ModuleRules rules = new ModuleRules("dev.bulwark");

    @Test
    void importsTheClassesOfEveryModule() {
        assertThat(PRODUCT.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .contains("policy", "scanner", "notify", "cli", "agent");
    }

    @Test
    void modulesDependOnlyDownwards() {
        rules.moduleDirection().check(PRODUCT);
    }

    @Test
    void policyEngineUsesNoDockerHttpDatabaseOrJenkinsTypes() {
        rules.policyEngineIsPlainJava().check(PRODUCT);
    }

    @Test
    void catchesAPolicyClassThatReachesUpIntoTheScanner() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.bulwark.e2e.fixture");
        ModuleRules fixtureRules = new ModuleRules("dev.bulwark.e2e.fixture");

        EvaluationResult direction = fixtureRules.moduleDirection().evaluate(fixture);
        EvaluationResult plainJava = fixtureRules.policyEngineIsPlainJava().evaluate(fixture);

        assertThat(direction.hasViolation()).isTrue();
        assertThat(direction.getFailureReport().getDetails()).anyMatch(line -> line.contains("LeakyRule"));
        assertThat(plainJava.getFailureReport().getDetails()).anyMatch(line -> line.contains("java.net.http"));
    }
}
