package dev.bulwark.policy.load;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulwark.policy.model.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a policy file. Every problem comes back as a {@link PolicyLoadException} whose problems carry
 * {@code file:line:column} and say how to fix them; unknown keys are errors with a suggestion.
 */
public final class PolicyLoader {

    private final YAMLFactory yaml = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final ObjectMapper mapper = JsonMapper.builder(yaml)
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Reads and checks the policy in a file.
     *
     * @throws PolicyLoadException listing what is wrong, with line and column
     */
    public Policy load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PolicyLoadException(new PolicyProblem(file.toString(), 0, 0,
                    "no such file: check the path, or create a policy from examples/policies/"));
        } catch (IOException e) {
            throw new PolicyLoadException(new PolicyProblem(file.toString(), 0, 0, "cannot read the file: " + e.getMessage()));
        }
        Path parent = file.toAbsolutePath().getParent();
        return parse(file.toString(), bytes, parent == null ? Path.of(".") : parent);
    }

    /**
     * Reads and checks a policy from bytes.
     *
     * @param name          the name problems are reported under (usually the file's path)
     * @param bytes         the YAML text, UTF-8
     * @param baseDirectory where relative paths in the policy (VEX documents) are resolved
     */
    public Policy parse(String name, byte[] bytes, Path baseDirectory) {
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new PolicyLoadException(new PolicyProblem(name, 1, 1,
                    "the file is empty: a policy starts with apiVersion: " + Policy.API_VERSION + " and kind: " + Policy.KIND));
        }
        LocationIndex index;
        Policy policy;
        try {
            index = LocationIndex.of(yaml, bytes);
        } catch (JsonProcessingException e) {
            throw new PolicyLoadException(new BindingProblems(name, null).of(e));
        } catch (IOException e) {
            throw new PolicyLoadException(new PolicyProblem(name, 0, 0, "cannot read the policy: " + e.getMessage()));
        }
        try {
            policy = mapper.readValue(bytes, Policy.class);
        } catch (JsonProcessingException e) {
            throw new PolicyLoadException(new BindingProblems(name, index).of(e));
        } catch (IOException e) {
            throw new PolicyLoadException(new PolicyProblem(name, 0, 0, "cannot read the policy: " + e.getMessage()));
        }
        if (policy == null) {
            throw new PolicyLoadException(new PolicyProblem(name, 1, 1, "the file holds no policy"));
        }
        List<PolicyProblem> problems = PolicyChecks.check(policy, name, index, baseDirectory);
        if (!problems.isEmpty()) {
            throw new PolicyLoadException(problems);
        }
        return policy;
    }

    /** The mapper policies are read with, for tools that print policies back (explain). */
    public ObjectMapper mapper() {
        return mapper;
    }
}
