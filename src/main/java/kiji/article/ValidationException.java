package kiji.article;

import java.util.Map;

/** Bad input, field by field: the API answers 400 with these messages, and nothing is stored. */
public final class ValidationException extends RuntimeException {
    private final Map<String, String> errors;

    public ValidationException(Map<String, String> errors) {
        super("invalid fields: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(Map.of(field, message));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
