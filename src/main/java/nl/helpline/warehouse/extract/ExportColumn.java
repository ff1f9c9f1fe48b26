package nl.helpline.warehouse.extract;

import java.util.List;

/**
 * The columns the export contract names, in the contract's order.
 *
 * <p>Personal-data columns are listed so that a file carrying them is recognised as a normal
 * export (they are not "unknown extra" columns), but no reader ever turns their values into
 * anything: they are skipped while the file is tokenised.
 */
public enum ExportColumn {
    REQUEST_NUMBER("Verzoeknummer", true, false),
    LAST_MODIFIED("Laatst gewijzigd", true, false),
    RECEIVED("Datum binnenkomst", true, false),
    CLOSED("Datum afgesloten", false, false),
    STATUS("Status", true, false),
    CHANNEL("Eerste contact", true, false),
    REQUESTER_TYPE("Type aanvrager", true, false),
    WORK_DOMAIN("Werkterrein", false, false),
    PHENOMENA("Verschijningsvormen", false, false),
    HELP_QUESTIONS("Hulpvragen", false, false),
    FOLLOW_UP("Opvolging", false, false),
    ADDITIONAL_SUPPORT("Aanvullende ondersteuning", false, false),
    CONVERSATIONS("Aantal gesprekken", false, false),
    REPORTER_NAME("Naam melder", false, true),
    REPORTER_PHONE("Telefoonnummer melder", false, true),
    REPORTER_EMAIL("E-mailadres melder", false, true),
    SUBJECT_NAME("Naam betrokkene", false, true),
    NOTE("Toelichting", false, true);

    private static final List<ExportColumn> ALL = List.of(values());

    private final String header;
    private final boolean required;
    private final boolean personalData;

    ExportColumn(String header, boolean required, boolean personalData) {
        this.header = header;
        this.required = required;
        this.personalData = personalData;
    }

    /** The header as the contract spells it. */
    public String header() {
        return header;
    }

    /** A file without this column is rejected as a whole. */
    public boolean required() {
        return required;
    }

    /** Never read, stored, logged or quoted in a reject. */
    public boolean personalData() {
        return personalData;
    }

    /**
     * Whether a reject may carry this column's value. The request number is not personal data,
     * but it is the key that the warehouse pseudonymises, so rejects must not hold it in clear.
     */
    boolean quotable() {
        return !personalData && this != REQUEST_NUMBER;
    }

    /** The columns a reader materialises: everything except personal data. */
    boolean read() {
        return !personalData;
    }

    static List<ExportColumn> all() {
        return ALL;
    }
}
