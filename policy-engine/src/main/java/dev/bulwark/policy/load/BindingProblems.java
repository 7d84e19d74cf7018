package dev.bulwark.policy.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.bulwark.policy.document.InvalidFieldException;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Turns Jackson's binding errors into problems a policy author can act on. */
final class BindingProblems {

    private final String file;
    private final LocationIndex index;

    BindingProblems(String file, LocationIndex index) {
        this.file = file;
        this.index = index;
    }

    PolicyProblem of(JsonProcessingException error) {
        if (error instanceof UnrecognizedPropertyException unknown) {
            return unknownKey(unknown);
        }
        if (error instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
            return invalidValue(invalid, invalid.getCause());
        }
        if (error instanceof InvalidFormatException format) {
            return at(error.getLocation(), path(format) + ": '" + format.getValue() + "' is not " + expected(format.getTargetType())
                    + causeHint(format));
        }
        if (error instanceof MismatchedInputException mismatch) {
            return at(error.getLocation(), path(mismatch) + ": expected " + expected(mismatch.getTargetType())
                    + " here" + causeHint(mismatch));
        }
        if (error instanceof JsonMappingException mapping && mapping.getCause() instanceof IllegalArgumentException cause) {
            return invalidValue(mapping, cause);
        }
        return at(error.getLocation(), "not valid YAML: " + error.getOriginalMessage());
    }

    private PolicyProblem unknownKey(UnrecognizedPropertyException unknown) {
        List<String> known = unknown.getKnownPropertyIds().stream().map(Object::toString)
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
        String suggestion = DidYouMean.nearest(unknown.getPropertyName(), known)
                .map(word -> " did you mean '" + word + "'?").orElse("");
        String where = parentPath(unknown);
        JsonLocation key = index == null ? null : index.findKey(pointer(unknown.getPath()));
        return at(key == null ? unknown.getLocation() : key, "unknown key '" + unknown.getPropertyName() + "'"
                + (where.isEmpty() ? "" : " in " + where) + ":" + suggestion + " Valid keys here: " + String.join(", ", known));
    }

    private PolicyProblem invalidValue(JsonMappingException error, Throwable cause) {
        String pointer = pointer(error.getPath());
        if (cause instanceof InvalidFieldException field) {
            pointer = pointer + "/" + field.field();
        }
        JsonLocation location = index == null ? null : index.find(pointer);
        String message = cause.getMessage() != null ? cause.getMessage()
                : "a value here is empty (null) where one is needed" + (pointer.isEmpty() ? "" : " at " + pointer)
                + ": write it, or remove the entry";
        return at(location == null ? error.getLocation() : location, message);
    }

    private static String causeHint(JsonMappingException error) {
        Throwable cause = error.getCause();
        return cause instanceof IllegalArgumentException ? " (" + cause.getMessage() + ")" : "";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of the right kind";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list (one '- item' per line, or [a, b])";
        }
        if (type == String.class) {
            return "a single text value";
        }
        if (type == java.time.LocalDate.class) {
            return "a date written YYYY-MM-DD";
        }
        return "a mapping of '" + type.getSimpleName() + "' keys";
    }

    private PolicyProblem at(JsonLocation location, String message) {
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        return new PolicyProblem(file, line, column, message);
    }

    static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            pointer.append('/').append(reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
        }
        return pointer.toString();
    }

    private static String path(JsonMappingException error) {
        return readable(error.getPath());
    }

    private static String parentPath(JsonMappingException error) {
        List<JsonMappingException.Reference> path = error.getPath();
        return path.isEmpty() ? "" : readable(path.subList(0, path.size() - 1));
    }

    static String readable(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
