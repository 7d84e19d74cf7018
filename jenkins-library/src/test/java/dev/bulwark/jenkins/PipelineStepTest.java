package dev.bulwark.jenkins;

import static com.lesfurets.jenkins.unit.MethodSignature.method;

import com.lesfurets.jenkins.unit.BasePipelineTest;
import groovy.lang.Closure;
import groovy.lang.Script;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The shared library's steps run by JenkinsPipelineUnit against recorded stand-ins of the Jenkins steps they call
 * (sh, junit, recordIssues, archiveArtifacts, withCredentials, configFileProvider, error, unstable): what a step
 * called, with which arguments, and the build result it left. {@code sh} answers with the exit code a test sets,
 * as the bulwark command would.
 */
abstract class PipelineStepTest extends BasePipelineTest {

    /** The exit code the bulwark command gives in this test. */
    int exitCode;
    /** Every shell command, as the step quoted it. */
    final List<String> shells = new ArrayList<>();
    /** The environment of each shell command: the credentials and files bound around it. */
    final List<Map<String, Object>> shellEnvironments = new ArrayList<>();
    /** The steps called, by name, with their map arguments. */
    final Map<String, List<Map<?, ?>>> steps = new LinkedHashMap<>();
    final Map<String, Object> env = new HashMap<>();
    final List<String> errors = new ArrayList<>();
    final List<String> unstableMessages = new ArrayList<>();

    void setUpPipeline() throws Exception {
        setScriptRoots(new String[] {"../vars"});
        setScriptExtension("groovy");
        setUp();
        getBinding().setVariable("env", env);
        getBinding().setVariable("currentBuild", new HashMap<>(Map.of("result", "SUCCESS")));
        getHelper().registerAllowedMethod(method("sh", Map.class), (Function<Map<?, ?>, Object>) args -> {
            shells.add(String.valueOf(args.get("script")));
            shellEnvironments.add(new HashMap<>(env));
            return exitCode;
        });
        for (String step : List.of("junit", "recordIssues", "archiveArtifacts")) {
            getHelper().registerAllowedMethod(method(step, Map.class), (Function<Map<?, ?>, Object>) args -> record(step, args));
        }
        for (String binding : List.of("sarif", "configFile", "usernamePassword", "string")) {
            getHelper().registerAllowedMethod(method(binding, Map.class), (Function<Map<?, ?>, Object>) args -> {
                Map<Object, Object> made = new LinkedHashMap<>(args);
                made.put("$kind", binding);
                return made;
            });
        }
        getHelper().registerAllowedMethod(method("error", String.class), (Function<Object, Object>) message -> {
            errors.add(String.valueOf(message)); // a GString in Groovy
            updateBuildStatus("FAILURE");
            throw new IllegalStateException(String.valueOf(message));
        });
        getHelper().registerAllowedMethod(method("unstable", String.class), (Function<Object, Object>) message -> {
            unstableMessages.add(String.valueOf(message));
            updateBuildStatus("UNSTABLE");
            return null;
        });
        getHelper().registerAllowedMethod("withCredentials", List.of(List.class, Closure.class), bindingClosure("withCredentials"));
        getHelper().registerAllowedMethod("configFileProvider", List.of(List.class, Closure.class),
                bindingClosure("configFileProvider"));
    }

    private Object record(String step, Map<?, ?> args) {
        steps.computeIfAbsent(step, name -> new ArrayList<>()).add(args);
        return null;
    }

    /**
     * withCredentials and configFileProvider: set each binding's variables (a credential's value is a placeholder
     * naming it, a config file's value a path) for the body's duration, then remove them, as Jenkins does.
     */
    private Closure<Object> bindingClosure(String step) {
        return new Closure<Object>(this) {
            @SuppressWarnings("unused")
            public Object doCall(List<Map<?, ?>> bindings, Closure<?> body) {
                steps.computeIfAbsent(step, name -> new ArrayList<>()).add(Map.of("bindings", bindings));
                List<String> set = new ArrayList<>();
                for (Map<?, ?> binding : bindings) {
                    for (String variable : List.of("variable", "usernameVariable", "passwordVariable")) {
                        Object name = binding.get(variable);
                        if (name != null) {
                            env.put(name.toString(), binding.get("$kind").equals("configFile")
                                    ? "/tmp/config" + binding.get("fileId") : "****" + binding.get("credentialsId") + "/" + variable);
                            set.add(name.toString());
                        }
                    }
                }
                try {
                    return body.call();
                } finally {
                    set.forEach(env::remove);
                }
            }
        };
    }

    /** Loads a step of the library, with bulwarkGate bound as Jenkins binds global variables. */
    Script step(String name) {
        Script gate = loadScript("bulwarkGate.groovy");
        getBinding().setVariable("bulwarkGate", gate);
        return name.equals("bulwarkGate") ? gate : loadScript(name + ".groovy");
    }

    /** The build result the steps left. */
    String result() {
        Object build = getBinding().getVariable("currentBuild");
        return String.valueOf(((Map<?, ?>) build).get("result"));
    }
}
