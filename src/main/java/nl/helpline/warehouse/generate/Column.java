package nl.helpline.warehouse.generate;

/**
 * The contract's columns in the contract's order. Every generated file carries all of them,
 * personal data included: the warehouse has to prove that it drops those, so they must be there.
 */
enum Column {
    REQUEST_NUMBER("Verzoeknummer"),
    LAST_MODIFIED("Laatst gewijzigd"),
    RECEIVED("Datum binnenkomst"),
    CLOSED("Datum afgesloten"),
    STATUS("Status"),
    CHANNEL("Eerste contact"),
    REQUESTER_TYPE("Type aanvrager"),
    WORK_DOMAIN("Werkterrein"),
    PHENOMENA("Verschijningsvormen"),
    HELP_QUESTIONS("Hulpvragen"),
    FOLLOW_UP("Opvolging"),
    ADDITIONAL_SUPPORT("Aanvullende ondersteuning"),
    CONVERSATIONS("Aantal gesprekken"),
    REPORTER_NAME("Naam melder"),
    REPORTER_PHONE("Telefoonnummer melder"),
    REPORTER_EMAIL("E-mailadres melder"),
    SUBJECT_NAME("Naam betrokkene"),
    NOTE("Toelichting");

    private final String header;

    Column(String header) {
        this.header = header;
    }

    String header() {
        return header;
    }
}
