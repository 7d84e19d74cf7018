package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    /** The product's classes: not the tests, whether from a module's test-classes or a test jar it shares. */
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.bulwark");

    /** The modules whose tests the reactor has compiled before this one runs. */
    private static final List<String> MODULES_WITH_TESTS = List.of("policy-engine", "store", "net", "scanner", "notify", "gate", "jenkins-library", "cli", "agent", "e2e");

    private final ModuleRules rules = new ModuleRules("dev.bulwark");
    private final CodeRules code = new CodeRules("dev.bulwark");

    @Test
    void importsTheClassesOfEveryModule() {
        assertThat(PRODUCT.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .contains("policy", "store", "net", "scanner", "notify", "gate", "cli", "agent");
    }

    @Test
    void modulesDependOnlyDownwards() {
        rules.moduleDirection().check(PRODUCT);
    }

    @Test
    void outboundHttpClientsAreMadeOnlyByTheNetModule() {
        rules.httpClientsComeFromTheNetModule().check(PRODUCT);
    }

    @Test
    void policyEngineUsesNoDockerHttpDatabaseOrJenkinsTypes() {
        rules.policyEngineIsPlainJava().check(PRODUCT);
    }

    @Test
    void noModuleHasACycleBetweenItsPackages() {
        code.packagesFreeOfCycles().check(PRODUCT);
    }

    @Test
    void everyExceptionCarriesAMessage() {
        code.exceptionsCarryAMessage().check(PRODUCT);
    }

    @Test
    void numbersAreReadFromTextOnlyThroughTheHelperThatNamesWhatWasRead() {
        code.numbersReadThroughOneHelper().check(PRODUCT);
    }

    @Test
    void testClassesAndTestMethodsOfEveryModuleArePackagePrivate() {
        JavaClasses tests = new ClassFileImporter().importPaths(MODULES_WITH_TESTS.stream().map(ArchitectureTest::testClasses).toList());

        assertThat(tests.stream().filter(c -> c.getSimpleName().endsWith("Test")).count()).isGreaterThan(100);
        CodeRules.testClassesArePackagePrivate().check(tests);
        CodeRules.testMethodsArePackagePrivate().check(tests);
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
        assertThat(fixtureRules.httpClientsComeFromTheNetModule().evaluate(fixture).getFailureReport().getDetails())
                .anyMatch(line -> line.contains("LeakyRule") && line.contains("newHttpClient"));
    }

    @Test
    void catchesAPackageCycleASilentExceptionAndABareParseInt() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.bulwark.e2e.fixture");
        CodeRules fixtureRules = new CodeRules("dev.bulwark.e2e.fixture");

        EvaluationResult cycles = fixtureRules.packagesFreeOfCycles().evaluate(fixture);
        EvaluationResult messages = fixtureRules.exceptionsCarryAMessage().evaluate(fixture);
        EvaluationResult numbers = fixtureRules.numbersReadThroughOneHelper().evaluate(fixture);

        assertThat(cycles.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("scanner.left") && line.contains("scanner.right"));
        assertThat(messages.getFailureReport().getDetails()).anyMatch(line -> line.contains("SilentException"));
        assertThat(numbers.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("RightHalf") && line.contains("parseInt"));
    }

    private static Path testClasses(String module) {
        Path classes = Path.of("..", module, "target", "test-classes").toAbsolutePath().normalize();
        assertThat(classes).as("the compiled tests of %s: build the whole reactor (./mvnw verify)", module)
                .satisfies(path -> assertThat(Files.isDirectory(path)).isTrue());
        return classes;
    }
}
