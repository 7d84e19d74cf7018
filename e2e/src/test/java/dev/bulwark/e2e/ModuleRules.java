package dev.bulwark.e2e;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency direction of the modules, as architecture.md draws it: policy-engine and store (SQLite files) at
 * the bottom, neither using the other; scanner and notify on them and not on each other; cli, agent and plugin on top; only the command line reaches the
 * agent (for {@code bulwark agent}), and nothing reaches the command line or the plugin.
 * Written against a base package so that a test can prove the rules catch a violation.
 */
final class ModuleRules {

    private final String base;

    ModuleRules(String base) {
        this.base = base;
    }

    ArchRule moduleDirection() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("policy-engine").definedBy(base + ".policy..")
                .layer("store").definedBy(base + ".store..")
                .layer("net").definedBy(base + ".net..")
                .layer("scanner").definedBy(base + ".scanner..")
                .layer("notify").definedBy(base + ".notify..")
                .layer("gate").definedBy(base + ".gate..")
                .layer("cli").definedBy(base + ".cli..")
                .layer("agent").definedBy(base + ".agent..")
                .layer("plugin").definedBy(base + ".plugin..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("agent").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("plugin").mayNotBeAccessedByAnyLayer()
                .whereLayer("gate").mayOnlyBeAccessedByLayers("cli", "plugin")
                .whereLayer("scanner").mayOnlyBeAccessedByLayers("gate", "cli", "agent", "plugin")
                .whereLayer("notify").mayOnlyBeAccessedByLayers("gate", "cli", "agent", "plugin")
                .whereLayer("policy-engine").mayOnlyBeAccessedByLayers("net", "scanner", "notify", "gate", "cli", "agent", "plugin")
                .whereLayer("store").mayOnlyBeAccessedByLayers("scanner", "notify", "gate", "cli", "agent", "plugin")
                .whereLayer("net").mayOnlyBeAccessedByLayers("scanner", "notify", "gate", "cli", "agent", "plugin");
    }

    /** The policy engine is plain Java: no Docker, HTTP, database, Jenkins or command-line types. */
    ArchRule policyEngineIsPlainJava() {
        return noClasses().that().resideInAPackage(base + ".policy..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.github.dockerjava..", "java.net.http..", "java.sql..", "org.sqlite..",
                        "hudson..", "jenkins..", "org.kohsuke.stapler..", "picocli..")
                .because("policy-engine is shared by the gate, the agent and the Jenkins plugin (architecture.md)");
    }

    /** Outbound HTTP clients come from the net module only: there the proxies, trust and retries are set. */
    ArchRule httpClientsComeFromTheNetModule() {
        return noClasses().that().resideOutsideOfPackage(base + ".net..").and().resideInAPackage(base + "..")
                .should().callMethod(java.net.http.HttpClient.class, "newBuilder")
                .orShould().callMethod(java.net.http.HttpClient.class, "newHttpClient")
                .because("every outbound call must honour the environment's proxies and trust (net.OutboundHttp)");
    }
}
