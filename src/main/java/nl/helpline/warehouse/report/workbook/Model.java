package nl.helpline.warehouse.report.workbook;

import java.util.Objects;
import java.util.regex.Pattern;

/** Argument checks shared by the model records. */
final class Model {

    private static final Pattern FILE_SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Model() {
    }

    static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static String requireFileSafe(String value, String what) {
        requireText(value, what);
        if (!FILE_SAFE.matcher(value).matches() || value.length() > 100) {
            throw new IllegalArgumentException(what + " must be letters, digits, '.', '_' or '-' (it is part of a file name): " + value);
        }
        return value;
    }
}
