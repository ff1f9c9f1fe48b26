package nl.helpline.warehouse.warehouse;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Flyway placeholders of {@code R__roles_and_grants.sql}, checked before Flyway pastes them
 * into SQL: a role name or a limit with a quote in it would otherwise break (or change) the
 * migration. Empty means the migration's default (role names from the database's name).
 */
final class ReaderAccessSettings {

    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern TIMEOUT = Pattern.compile("[0-9]{1,9}\\s*(ms|s|min|h|d)?");
    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,4}");

    private static final Map<String, Check> CHECKS = Map.of(
            "reader_role", new Check("WAREHOUSE_READER_ROLE", ROLE, "a role name: lower-case letters, digits and _"),
            "analyst_role", new Check("WAREHOUSE_ANALYST_ROLE", ROLE, "a role name: lower-case letters, digits and _"),
            "reader_statement_timeout", new Check("WAREHOUSE_READER_STATEMENT_TIMEOUT", TIMEOUT, "a duration such as 5min, 90s or 500ms"),
            "reader_connection_limit", new Check("WAREHOUSE_READER_CONNECTION_LIMIT", LIMIT, "a number of connections"));

    private ReaderAccessSettings() {
    }

    static void validate(Map<String, String> placeholders) {
        CHECKS.forEach((name, check) -> {
            String value = placeholders.getOrDefault(name, "");
            if (!value.isBlank() && !check.pattern().matcher(value.strip()).matches()) {
                throw new WarehouseUnavailableException(check.variable() + " must be " + check.expected() + ", not '" + value
                        + "'. Nothing was changed.");
            }
        });
    }

    private record Check(String variable, Pattern pattern, String expected) {
    }
}
