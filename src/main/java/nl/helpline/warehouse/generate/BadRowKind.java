package nl.helpline.warehouse.generate;

/**
 * The ways a generated bad row breaks the contract. Each bad row breaks it in exactly one way,
 * so a reader's reject reason can be checked against the kind.
 */
public enum BadRowKind {
    /** Required value blank: Status, Eerste contact, Type aanvrager, Datum binnenkomst,
     *  Laatst gewijzigd, or Datum afgesloten on a closed request. */
    MISSING_REQUIRED_VALUE,
    /** {@code Verzoeknummer} blank. */
    MISSING_REQUEST_NUMBER,
    /** A date or timestamp in none of the contract's formats, or not a calendar date (30-02). */
    UNPARSEABLE_DATE,
    /** {@code Aantal gesprekken} not a whole number. */
    UNPARSEABLE_NUMBER,
    /** {@code Aantal gesprekken} below zero. */
    NEGATIVE_CONVERSATIONS,
    /** {@code Datum afgesloten} before {@code Datum binnenkomst}. */
    CLOSED_BEFORE_RECEIVED,
    /** A value in none of the code lists, not even as a synonym. */
    UNKNOWN_CODE,
    /** {@code Afgesloten} without {@code Opvolging}. */
    CLOSED_WITHOUT_FOLLOW_UP,
    /** {@code Opvolging} is additional support but {@code Aanvullende ondersteuning} is blank. */
    MISSING_ADDITIONAL_SUPPORT
}
