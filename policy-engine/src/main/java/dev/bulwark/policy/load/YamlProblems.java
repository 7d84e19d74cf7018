package dev.bulwark.policy.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/**
 * Problems in other Bulwark YAML documents (profiles) reported as policies' are: {@code FILE:LINE:COLUMN: message},
 * pointing at the offending key, with a suggestion for a mistyped one.
 */
public final class YamlProblems {

    private YamlProblems() {
    }

    /** The binding error, located in the document's text. */
    public static PolicyProblem of(String name, YAMLFactory factory, byte[] yaml, JsonProcessingException error) {
        LocationIndex index;
        try {
            index = LocationIndex.of(factory, yaml);
        } catch (IOException unreadable) {
            index = null;
        }
        return new BindingProblems(name, index).of(error);
    }
}
