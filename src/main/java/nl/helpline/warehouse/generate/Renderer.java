package nl.helpline.warehouse.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nl.helpline.warehouse.generate.Vocabulary.Coded;
import nl.helpline.warehouse.generate.Vocabulary.RequesterType;

/**
 * Spells a {@link Version} out as the case system might: the contract's labels mostly, now and
 * then a synonym, odd case or stray white space, and every date format the contract allows.
 * None of this changes the truth; all of it must be understood by the reader.
 */
final class Renderer {

    static final DateTimeFormatter DATE_DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy", Locale.ROOT);
    static final DateTimeFormatter DATE_DUTCH_SHORT = DateTimeFormatter.ofPattern("d-M-yyyy", Locale.ROOT);
    static final DateTimeFormatter DATE_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    static final DateTimeFormatter TIME_DUTCH_MINUTES = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", Locale.ROOT);
    static final DateTimeFormatter TIME_DUTCH_SECONDS = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss", Locale.ROOT);
    static final DateTimeFormatter TIME_ISO_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);
    static final DateTimeFormatter TIME_ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    /** Ways the case system has been seen to pad a value. */
    private static final List<String[]> PADDING = List.of(
            new String[] {" ", ""}, new String[] {"", " "}, new String[] {"  ", "  "}, new String[] {"\t", ""});
    private static final List<String> LIST_SEPARATORS = List.of("|", "|", "|", "|", " | ", "| ");

    static final double SYNONYM = 0.15;
    static final double ODD_CASE = 0.08;
    static final double PADDED = 0.05;
    static final double EXCEL_DATE_CELL = 0.5;
    static final double EXCEL_NUMBER_CELL = 0.9;

    /** The row's cells, indexed by {@link Column#ordinal()}. */
    Value[] render(String requestNumber, LocalDate received, Version v, PersonalData personal, Rng rng) {
        Value[] row = new Value[Column.values().length];
        row[Column.REQUEST_NUMBER.ordinal()] = Value.text(requestNumber);
        row[Column.LAST_MODIFIED.ordinal()] = timestamp(v.lastModified(), rng);
        row[Column.RECEIVED.ordinal()] = date(received, rng);
        row[Column.CLOSED.ordinal()] = v.closed() == null ? Value.BLANK : date(v.closed(), rng);
        row[Column.STATUS.ordinal()] = Value.text(label(v.status(), rng));
        row[Column.CHANNEL.ordinal()] = Value.text(label(v.channel(), rng));
        row[Column.REQUESTER_TYPE.ordinal()] = Value.text(label(v.requesterType(), rng));
        row[Column.WORK_DOMAIN.ordinal()] = v.requesterType() == RequesterType.CITIZEN || v.workDomain() == null
                ? blank(rng) : Value.text(label(v.workDomain(), rng));
        row[Column.PHENOMENA.ordinal()] = list(v.phenomena(), rng);
        row[Column.HELP_QUESTIONS.ordinal()] = list(v.helpQuestions(), rng);
        row[Column.FOLLOW_UP.ordinal()] = v.followUp() == null ? Value.BLANK : Value.text(label(v.followUp(), rng));
        row[Column.ADDITIONAL_SUPPORT.ordinal()] = list(v.support(), rng);
        row[Column.CONVERSATIONS.ordinal()] = v.conversations() == null ? Value.BLANK
                : number(v.conversations(), rng);
        row[Column.REPORTER_NAME.ordinal()] = Value.text(personal.reporterName());
        row[Column.REPORTER_PHONE.ordinal()] = Value.text(personal.reporterPhone());
        row[Column.REPORTER_EMAIL.ordinal()] = Value.text(personal.reporterEmail());
        row[Column.SUBJECT_NAME.ordinal()] = Value.text(personal.subjectName());
        row[Column.NOTE.ordinal()] = Value.text(personal.note());
        return row;
    }

    static Value date(LocalDate date, Rng rng) {
        double u = rng.nextDouble();
        DateTimeFormatter format = u < 0.6 ? DATE_DUTCH : u < 0.75 ? DATE_DUTCH_SHORT : DATE_ISO;
        return Value.typed(date, format.format(date), rng.chance(EXCEL_DATE_CELL));
    }

    /** Seconds may only be left out when they are zero: the text must still be the exact version. */
    static Value timestamp(LocalDateTime time, Rng rng) {
        boolean dutch = rng.chance(0.7);
        boolean seconds = time.getSecond() != 0 || rng.chance(0.4);
        DateTimeFormatter format = dutch
                ? seconds ? TIME_DUTCH_SECONDS : TIME_DUTCH_MINUTES
                : seconds ? TIME_ISO_SECONDS : TIME_ISO_MINUTES;
        return Value.typed(time, format.format(time), rng.chance(EXCEL_DATE_CELL));
    }

    static Value number(int value, Rng rng) {
        return Value.typed(value, Integer.toString(value), rng.chance(EXCEL_NUMBER_CELL));
    }

    /** Mostly no cell at all; sometimes an explicit empty cell. */
    private static Value blank(Rng rng) {
        return rng.chance(0.1) ? new Value("", null, true) : Value.BLANK;
    }

    private static Value list(List<? extends Coded> codes, Rng rng) {
        if (codes.isEmpty()) {
            return Value.BLANK;
        }
        String separator = rng.pick(LIST_SEPARATORS);
        StringBuilder sb = new StringBuilder();
        for (Coded code : codes) {
            if (!sb.isEmpty()) {
                sb.append(separator);
            }
            sb.append(label(code, rng));
        }
        return Value.text(sb.toString());
    }

    static String label(Coded code, Rng rng) {
        List<String> labels = code.labels();
        String label = labels.size() > 1 && rng.chance(SYNONYM) ? labels.get(1 + rng.nextInt(labels.size() - 1)) : labels.get(0);
        double u = rng.nextDouble();
        if (u < ODD_CASE / 2) {
            label = label.toLowerCase(Locale.ROOT);
        } else if (u < ODD_CASE) {
            label = label.toUpperCase(Locale.ROOT);
        }
        if (rng.chance(PADDED)) {
            String[] pad = rng.pick(PADDING);
            label = pad[0] + label + pad[1];
        }
        return label;
    }
}
