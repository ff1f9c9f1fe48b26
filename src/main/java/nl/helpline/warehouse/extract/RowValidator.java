package nl.helpline.warehouse.extract;

import static nl.helpline.warehouse.extract.ExportColumn.ADDITIONAL_SUPPORT;
import static nl.helpline.warehouse.extract.ExportColumn.CHANNEL;
import static nl.helpline.warehouse.extract.ExportColumn.CLOSED;
import static nl.helpline.warehouse.extract.ExportColumn.CONVERSATIONS;
import static nl.helpline.warehouse.extract.ExportColumn.FOLLOW_UP;
import static nl.helpline.warehouse.extract.ExportColumn.HELP_QUESTIONS;
import static nl.helpline.warehouse.extract.ExportColumn.LAST_MODIFIED;
import static nl.helpline.warehouse.extract.ExportColumn.PHENOMENA;
import static nl.helpline.warehouse.extract.ExportColumn.RECEIVED;
import static nl.helpline.warehouse.extract.ExportColumn.REQUESTER_TYPE;
import static nl.helpline.warehouse.extract.ExportColumn.REQUEST_NUMBER;
import static nl.helpline.warehouse.extract.ExportColumn.STATUS;
import static nl.helpline.warehouse.extract.ExportColumn.WORK_DOMAIN;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one row's raw values into an {@link ExportRow}, or into exactly one {@link RowReject}
 * naming the first problem: single-column checks in the contract's column order, then the rules
 * that relate columns. One reject per row keeps rows read = accepted + rejected.
 *
 * <p>One instance per file read: it remembers the labels it has mapped, which is not thread-safe.
 */
final class RowValidator {

    static final String NOT_APPLICABLE = "NOT_APPLICABLE";
    static final String UNKNOWN = "UNKNOWN";

    /** The mapping field each coded column is looked up under. */
    static final Map<ExportColumn, String> MAPPING_FIELD = Map.of(
            STATUS, "status",
            CHANNEL, "channel",
            REQUESTER_TYPE, "requester_type",
            WORK_DOMAIN, "work_domain",
            PHENOMENA, "phenomenon",
            HELP_QUESTIONS, "help_question",
            FOLLOW_UP, "follow_up",
            ADDITIONAL_SUPPORT, "additional_support");

    /** Distinct labels remembered per column; a file has few, so this bound is only a safety net. */
    private static final int MAX_CACHED_LABELS = 4096;

    private final ValueMapping mapping;
    /**
     * Per column (by ordinal): label as written → code. A file repeats a handful of labels
     * millions of times; normalising each occurrence was most of the validation cost.
     */
    private final List<Map<String, String>> knownLabels;

    RowValidator(ValueMapping mapping) {
        requireFields(mapping);
        this.mapping = mapping;
        this.knownLabels = ExportColumn.all().stream().map(c -> (Map<String, String>) new HashMap<String, String>()).toList();
    }

    /** @throws IllegalArgumentException when the mapping lacks a field the contract codes */
    static void requireFields(ValueMapping mapping) {
        List<String> missing = MAPPING_FIELD.values().stream()
                .filter(f -> !mapping.fields().contains(f)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The value mapping lacks field(s) " + String.join(", ", missing));
        }
    }

    /**
     * @param values raw values by {@link ExportColumn#ordinal()}; null or blank when empty. Only
     *               columns that are {@link ExportColumn#read() read} are ever filled in.
     */
    void validate(long line, String[] values, RowSink sink) {
        ExportRow row;
        try {
            row = new Row(line, values).toExportRow();
        } catch (Rejected r) {
            RowReject control = controlCharacter(line, values);
            sink.reject(control != null ? control : r.reject);
            return;
        }
        sink.accept(row);
    }

    /**
     * A control character in any value read (NUL among them, which PostgreSQL refuses in text)
     * is the row's problem, named with the column and the character, never the value. Only a
     * rejected row is searched: a value that parsed as a date or count, or mapped onto a code,
     * holds none (no label, date or count has one); the values that are not checked that way are
     * checked where they are taken ({@link Row#clean}).
     */
    private static RowReject controlCharacter(long line, String[] values) {
        for (ExportColumn column : ExportColumn.all()) {
            String value = values[column.ordinal()];
            int at = value == null ? -1 : Text.controlCharacter(value);
            if (at >= 0) {
                return new RowReject(line, column.header(), null, column.header() + " holds a control character ("
                        + Text.codePoint(value.charAt(at)) + "), which an export never has");
            }
        }
        return null;
    }

    /** The first problem of a row. No stack trace: at a high reject rate it would cost more than the row. */
    private static final class Rejected extends RuntimeException {
        final transient RowReject reject;

        Rejected(RowReject reject) {
            super(null, null, false, false);
            this.reject = reject;
        }
    }

    private final class Row {
        private final long line;
        private final String[] values;

        Row(long line, String[] values) {
            this.line = line;
            this.values = values;
        }

        ExportRow toExportRow() {
            String requestNumber = clean(REQUEST_NUMBER, required(REQUEST_NUMBER));
            LocalDateTime lastModified = timestamp(LAST_MODIFIED, required(LAST_MODIFIED));
            LocalDate received = day(RECEIVED, required(RECEIVED));
            LocalDate closed = day(CLOSED, value(CLOSED));
            String status = code(STATUS, required(STATUS));
            String channel = code(CHANNEL, required(CHANNEL));
            String requesterType = code(REQUESTER_TYPE, required(REQUESTER_TYPE));
            String workDomain = workDomain(requesterType);
            List<String> phenomena = codes(PHENOMENA);
            List<String> helpQuestions = codes(HELP_QUESTIONS);
            String followUp = code(FOLLOW_UP, value(FOLLOW_UP));
            List<String> additionalSupport = codes(ADDITIONAL_SUPPORT);
            Integer conversations = count(CONVERSATIONS);

            if (closed != null && closed.isBefore(received)) {
                throw reject(CLOSED, value(CLOSED), "Datum afgesloten " + RejectValues.describe(CLOSED, value(CLOSED))
                        + " is before Datum binnenkomst " + RejectValues.describe(RECEIVED, value(RECEIVED)));
            }
            boolean isClosed = "CLOSED".equals(status);
            if (isClosed && closed == null) {
                throw reject(CLOSED, null, "A closed request (Status " + RejectValues.describe(STATUS, value(STATUS))
                        + ") needs Datum afgesloten, which is empty");
            }
            if (isClosed && followUp == null) {
                throw reject(FOLLOW_UP, null, "A closed request (Status " + RejectValues.describe(STATUS, value(STATUS))
                        + ") needs Opvolging, which is empty");
            }
            if ("ADDITIONAL".equals(followUp) && additionalSupport.isEmpty()) {
                throw reject(ADDITIONAL_SUPPORT, null, "Opvolging " + RejectValues.describe(FOLLOW_UP, value(FOLLOW_UP))
                        + " needs at least one Aanvullende ondersteuning, which is empty");
            }
            return new ExportRow(line, requestNumber, lastModified, received, isClosed ? closed : null,
                    status, channel, requesterType, workDomain, phenomena, helpQuestions, followUp,
                    additionalSupport, conversations);
        }

        /** A value taken as it is (not parsed, not mapped): a control character in it rejects the row. */
        private String clean(ExportColumn column, String value) {
            if (value != null && Text.controlCharacter(value) >= 0) {
                throw reject(column, null, column.header() + " holds a control character");
            }
            return value;
        }

        /** The trimmed value, or null when the cell is empty or white space. */
        private String value(ExportColumn column) {
            return Text.blankToNull(values[column.ordinal()]);
        }

        private String required(ExportColumn column) {
            String value = value(column);
            if (value == null) {
                throw reject(column, null, column.header() + " is required but empty");
            }
            return value;
        }

        private LocalDateTime timestamp(ExportColumn column, String value) {
            LocalDateTime timestamp = ContractDates.timestamp(value);
            if (timestamp == null) {
                throw reject(column, value, quoted(column, value) + " is not a valid date and"
                        + " time in the form dd-MM-yyyy HH:mm[:ss] or yyyy-MM-ddTHH:mm[:ss]");
            }
            return timestamp;
        }

        private LocalDate day(ExportColumn column, String value) {
            if (value == null) {
                return null;
            }
            LocalDate day = ContractDates.day(value);
            if (day == null) {
                throw reject(column, value, quoted(column, value)
                        + " is not a valid date in the form dd-MM-yyyy, d-M-yyyy or yyyy-MM-dd");
            }
            return day;
        }

        private String code(ExportColumn column, String label) {
            if (label == null) {
                return null;
            }
            Map<String, String> known = knownLabels.get(column.ordinal());
            String code = known.get(label);
            if (code == null) {
                code = mapping.code(MAPPING_FIELD.get(column), label);
                if (code == null) {
                    throw unknownLabel(column, label);
                }
                if (known.size() < MAX_CACHED_LABELS) {
                    known.put(label, code);
                }
            }
            return code;
        }

        /** Elements between '|': blanks skipped, duplicates dropped, first-seen order kept. */
        private List<String> codes(ExportColumn column) {
            String value = value(column);
            if (value == null) {
                return List.of();
            }
            List<String> codes = new ArrayList<>(2);
            int start = 0;
            while (start <= value.length()) {
                int end = value.indexOf('|', start);
                if (end < 0) {
                    end = value.length();
                }
                String element = Text.blankToNull(value.substring(start, end));
                if (element != null) {
                    String code = code(column, element);
                    if (!codes.contains(code)) {
                        codes.add(code);
                    }
                }
                start = end + 1;
            }
            return codes;
        }

        private String workDomain(String requesterType) {
            if (!"PROFESSIONAL".equals(requesterType)) {
                // The contract leaves Werkterrein blank for citizens; whatever is there does not apply.
                clean(WORK_DOMAIN, value(WORK_DOMAIN));
                return NOT_APPLICABLE;
            }
            String code = code(WORK_DOMAIN, value(WORK_DOMAIN));
            // Documented choice: a professional without a work domain is loaded as UNKNOWN, not rejected.
            return code == null ? UNKNOWN : code;
        }

        /**
         * A whole number >= 0. "3.0" is accepted because spreadsheets write numbers that way; a
         * comma is not, as "1,000" could mean a thousand or one.
         */
        private Integer count(ExportColumn column) {
            String value = value(column);
            if (value == null) {
                return null;
            }
            int end = value.length();
            int point = value.indexOf('.');
            if (point >= 0 && point < value.length() - 1 && value.substring(point + 1).chars().allMatch(ch -> ch == '0')) {
                end = point;
            }
            if (end == 0 || end > 9 || !value.substring(0, end).chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw reject(column, value, quoted(column, value) + " is not a whole number of 0 or more");
            }
            return Integer.valueOf(value.substring(0, end));
        }

        private Rejected unknownLabel(ExportColumn column, String label) {
            if (RejectValues.shown(column, label) == null) {
                return reject(column, label, column.header() + ": " + RejectValues.WITHHELD + " is not a known value"
                        + " of the code list; the case system must export one of its labels here");
            }
            return reject(column, label, quoted(column, label) + " is not a known value;"
                    + " if it is a new spelling, add it under " + MAPPING_FIELD.get(column) + " in mappings.yml");
        }

        /** "Eerste contact 'Postduif'", or "Eerste contact: value withheld (looks like free text)". */
        private static String quoted(ExportColumn column, String value) {
            String shown = RejectValues.shown(column, value);
            return shown == null ? column.header() + ": " + RejectValues.WITHHELD : column.header() + " '" + shown + "'";
        }

        /**
         * Every reject goes through here, so a request number, personal data or free text typed
         * into a contract column can never be carried as a value ({@link RejectValues}).
         */
        private Rejected reject(ExportColumn column, String value, String reason) {
            return new Rejected(new RowReject(line, column.header(), RejectValues.shown(column, value), reason));
        }
    }
}
