package dev.bulwark.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;

/**
 * The code rules every module keeps, beyond the direction of its dependencies ({@link ModuleRules}): no cycles
 * between the packages of a module, test classes and methods that stay package-private, exceptions that always
 * carry a message, and numbers read from text only through one helper that says what was being read.
 * Written against a base package so that a test can prove the rules catch a violation.
 */
final class CodeRules {

    private static final Set<String> MODULES = Set.of("policy", "store", "scanner", "notify", "cli", "agent", "plugin");
    private static final String NUMBERS = "dev.bulwark.policy.text.Numbers";

    private final String base;

    CodeRules(String base) {
        this.base = base;
    }

    /**
     * No cycle between the packages of one module, each package's subpackages folded into it: {@code
     * scanner.analyzer.dpkg} counts as {@code scanner.analyzer}, and classes right in {@code dev.bulwark.notify}
     * are the slice {@code notify (root)}.
     */
    ArchRule packagesFreeOfCycles() {
        return slices().assignedFrom(new FirstLevelPackages(base)).should().beFreeOfCycles()
                .because("a cycle between packages makes neither side changeable alone; move the shared types to a"
                        + " package both can depend on (see docs/architecture.md)");
    }

    /** Exceptions say what went wrong: none can be made without a message. */
    ArchRule exceptionsCarryAMessage() {
        return classes().that().areAssignableTo(Throwable.class).and().resideInAPackage(base + "..")
                .should(new ArchCondition<>("have no constructor without parameters") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        for (JavaConstructor constructor : item.getConstructors()) {
                            if (constructor.getRawParameterTypes().isEmpty()) {
                                events.add(SimpleConditionEvent.violated(item, item.getName()
                                        + " can be thrown without a message: give every constructor the message"));
                            }
                        }
                    }
                });
    }

    /** Whole numbers are read from text only by {@code Numbers}, whose errors name what was being read. */
    ArchRule numbersReadThroughOneHelper() {
        DescribedPredicate<JavaCall<?>> parsing = DescribedPredicate.describe("Integer/Long parse or valueOf(String)",
                call -> (call.getTargetOwner().isEquivalentTo(Integer.class) || call.getTargetOwner().isEquivalentTo(Long.class))
                        && (call.getName().startsWith("parse") || call.getName().equals("valueOf"))
                        && !call.getTarget().getRawParameterTypes().isEmpty()
                        && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(String.class));
        return noClasses().that().resideInAPackage(base + "..").and().doNotHaveFullyQualifiedName(NUMBERS)
                .should().callCodeUnitWhere(parsing)
                .because("a bare NumberFormatException says neither what was read nor how to fix it:"
                        + " use dev.bulwark.policy.text.Numbers");
    }

    /** Test classes are package-private: they are specifications, not API. */
    static ArchRule testClassesArePackagePrivate() {
        return classes().that().haveSimpleNameEndingWith("Test").should().notBePublic()
                .because("test classes are not API; JUnit 5 finds package-private classes");
    }

    /** Test methods are package-private, as JUnit 5 allows. */
    static ArchRule testMethodsArePackagePrivate() {
        return methods().that().areAnnotatedWith("org.junit.jupiter.api.Test")
                .or().areAnnotatedWith("org.junit.jupiter.params.ParameterizedTest")
                .should().notBePublic()
                .because("test methods are not API; JUnit 5 runs package-private methods");
    }

    /** Slices: the first package below a module's package, or the module's root. */
    private record FirstLevelPackages(String base) implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (!name.startsWith(base + ".")) {
                return SliceIdentifier.ignore();
            }
            String[] parts = name.substring(base.length() + 1).split("\\.");
            if (!MODULES.contains(parts[0])) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(parts[0] + (parts.length > 1 ? "." + parts[1] : " (root)"));
        }

        @Override
        public String getDescription() {
            return "the packages of each module, subpackages folded into their first level";
        }
    }
}
