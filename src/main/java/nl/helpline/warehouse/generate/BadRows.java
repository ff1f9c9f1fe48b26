package nl.helpline.warehouse.generate;

import java.time.LocalDate;
import java.util.List;
import nl.helpline.warehouse.generate.Vocabulary.FollowUp;
import nl.helpline.warehouse.generate.Vocabulary.RequesterType;
import nl.helpline.warehouse.generate.Vocabulary.Status;
import nl.helpline.warehouse.generate.Vocabulary.Support;
import nl.helpline.warehouse.generate.Vocabulary.WorkDomain;

/**
 * Rows that break the contract in exactly one way each. A bad row is a plausible request with
 * its own request number (numbered after all real ones), so it can never touch the truth: a
 * reader that wrongly accepted it would add a request, not change one.
 */
final class BadRows {

    /** A bad row and the one way in which it is bad. */
    record BadRow(BadRowKind kind, Value[] cells) {
    }

    private static final List<String> BAD_DATES = List.of("30-02-2024", "2024/03/15", "15.03.2024", "maart 2024", "2024-13-01");
    private static final List<String> BAD_TIMESTAMPS = List.of("15-03-2024 25:10", "31-04-2024 10:00", "gisteren 10:00", "15-03-2024 10.15");
    private static final List<String> BAD_NUMBERS = List.of("drie", "2,5", "ca. 4", "n.v.t.");

    private final GeneratorSpec spec;
    private final Planner planner;
    private final Renderer renderer;

    BadRows(GeneratorSpec spec, Planner planner, Renderer renderer) {
        this.spec = spec;
        this.planner = planner;
        this.renderer = renderer;
    }

    /**
     * Bad row number {@code badIndex} (0-based over the whole export), received on the day of the
     * row it follows.
     */
    BadRow make(long badIndex, LocalDate received) {
        long index = spec.requests() + badIndex;
        Rng rng = new Rng(spec.seed(), index, Rng.Stream.BAD);
        String number = Planner.requestNumber(received.getYear(), index + 1);
        Version v = planner.plan(index, number, received, rng).latest();
        BadRowKind kind = rng.pick(List.of(BadRowKind.values()));
        PersonalData personal = PersonalData.draw(rng, v.channel());

        // Faults of state first: make the row's content wrong, then spell it out as usual.
        v = switch (kind) {
            case CLOSED_BEFORE_RECEIVED -> closed(v, received).closedOn(received.minusDays(rng.between(1, 30)),
                    FollowUp.CONSULTATION, List.of());
            case CLOSED_WITHOUT_FOLLOW_UP -> closed(v, received).closedOn(closedDate(v, received), null, List.of());
            case MISSING_ADDITIONAL_SUPPORT -> closed(v, received).closedOn(closedDate(v, received), FollowUp.ADDITIONAL, List.of());
            case NEGATIVE_CONVERSATIONS -> v.withConversations(-rng.between(1, 5));
            default -> v;
        };
        Value[] cells = renderer.render(number, received, v, personal, rng);

        // Faults of spelling: replace one rendered value.
        switch (kind) {
            case MISSING_REQUEST_NUMBER -> cells[Column.REQUEST_NUMBER.ordinal()] = Value.BLANK;
            case MISSING_REQUIRED_VALUE -> {
                Column column = rng.pick(List.of(Column.STATUS, Column.CHANNEL, Column.REQUESTER_TYPE,
                        Column.RECEIVED, Column.LAST_MODIFIED, Column.CLOSED));
                if (column == Column.CLOSED) {
                    // Afgesloten without its date: render a properly closed version, then blank the date.
                    cells = renderer.render(number, received, closed(v, received), personal, rng);
                }
                cells[column.ordinal()] = Value.BLANK;
            }
            case UNPARSEABLE_DATE -> {
                Column column = rng.pick(List.of(Column.RECEIVED, Column.LAST_MODIFIED, Column.CLOSED));
                if (column == Column.CLOSED) {
                    cells = renderer.render(number, received, closed(v, received), personal, rng);
                }
                cells[column.ordinal()] = Value.text(rng.pick(column == Column.LAST_MODIFIED ? BAD_TIMESTAMPS : BAD_DATES));
            }
            case UNPARSEABLE_NUMBER -> cells[Column.CONVERSATIONS.ordinal()] = Value.text(rng.pick(BAD_NUMBERS));
            case UNKNOWN_CODE -> unknownCode(cells, v, number, received, personal, rng);
            default -> {
                // a fault of state, already in the cells
            }
        }
        return new BadRow(kind, cells);
    }

    private void unknownCode(Value[] cells, Version v, String number, LocalDate received, PersonalData personal, Rng rng) {
        int which = rng.nextInt(8);
        Column column;
        String value;
        Value[] base = cells;
        switch (which) {
            case 0 -> { column = Column.STATUS; value = rng.pick(List.of("Gesloten", "Afgehandeld")); }
            case 1 -> { column = Column.CHANNEL; value = rng.pick(List.of("Fax", "Brief", "WhatsApp")); }
            case 2 -> { column = Column.REQUESTER_TYPE; value = rng.pick(List.of("Bedrijf", "Anoniem")); }
            case 3 -> {
                column = Column.WORK_DOMAIN;
                value = rng.pick(List.of("Defensie", "Justitie"));
                base = renderer.render(number, received, v.withRequesterType(RequesterType.PROFESSIONAL)
                        .withWorkDomain(WorkDomain.SECURITY), personal, rng);
            }
            case 4 -> { column = Column.PHENOMENA; value = rng.pick(List.of("Ecoextremisme", "Jihadisme|Ecoextremisme")); }
            case 5 -> { column = Column.HELP_QUESTIONS; value = rng.pick(List.of("Klacht", "Is de situatie zorgelijk?|Klacht")); }
            case 6 -> {
                column = Column.FOLLOW_UP;
                value = "Doorverwijzing";
                base = renderer.render(number, received, closed(v, received), personal, rng);
            }
            default -> {
                column = Column.ADDITIONAL_SUPPORT;
                value = rng.pick(List.of("Exitprogramma", "Forsa|Exitprogramma"));
                base = renderer.render(number, received, closed(v, received).closedOn(closedDate(v, received),
                        FollowUp.ADDITIONAL, List.of(Support.FORSA)), personal, rng);
            }
        }
        System.arraycopy(base, 0, cells, 0, cells.length);
        cells[column.ordinal()] = Value.text(value);
    }

    /** The version as a valid closed request (consultation unless it already has a follow-up). */
    private static Version closed(Version v, LocalDate received) {
        if (v.status() == Status.CLOSED) {
            return v;
        }
        return v.closedOn(closedDate(v, received), FollowUp.CONSULTATION, List.of());
    }

    private static LocalDate closedDate(Version v, LocalDate received) {
        LocalDate day = v.lastModified().toLocalDate();
        return day.isBefore(received) ? received : day;
    }
}
