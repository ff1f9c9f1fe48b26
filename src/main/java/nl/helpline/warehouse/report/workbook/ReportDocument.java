package nl.helpline.warehouse.report.workbook;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import nl.helpline.warehouse.report.PublicationState;

/**
 * A period report, fully computed and already through disclosure control: everything the workbook
 * and {@code cells.csv} show, and nothing they must not show. The writers format; they do not count,
 * round for disclosure, or decide what to suppress.
 *
 * <p>All texts are in {@code lang}; the writers add their own fixed texts (sheet names, headers, the
 * meaning of {@code < 5} and {@code [c]}, the period written out) in the same language. Free texts are
 * written verbatim and must not contain a withheld value.
 *
 * @param definitionName  name of the report definition, e.g. {@code helpline}; letters, digits,
 *                        {@code . _ -}
 * @param title           the report's title, e.g. "Hulp- en advieslijn — afgesloten verzoeken"
 * @param period          the period's code, e.g. {@code 2024-H1} (for machines: identifiers, file names
 *                        chosen by the caller); readers see the period written out from the two dates
 * @param periodStart     first day of the period
 * @param periodEnd       last day of the period (inclusive)
 * @param population      one sentence describing what is counted, e.g. "Afgesloten verzoeken die in
 *                        de periode binnenkwamen, zonder chat."
 * @param lang            language of the report
 * @param contact         the publisher (also the document's author) and how to reach them
 * @param sourceSummary   where the figures come from, in words
 * @param dataAsOf        the newest change to a request counted in the report, Europe/Amsterdam local
 *                        time; also fixes the workbook's document dates, so that the same model always
 *                        gives the same bytes
 * @param notes           numbered notes; each is referenced by at least one table
 * @param tables          the tables in display order, ids unique
 * @param audit           the disclosure audit's result
 * @param changesSincePrevious cells changed since an earlier publication of this period; empty if none
 * @param charts          charts to draw, in display order; may be empty
 * @param publication     draft or release (version, date), revised cells, provisional figures
 */
public record ReportDocument(String definitionName, String title, String period,
                             LocalDate periodStart, LocalDate periodEnd, String population,
                             Language lang, Contact contact, String sourceSummary, LocalDateTime dataAsOf,
                             List<Note> notes, List<PublishedTable> tables, AuditStatement audit,
                             List<ChangedCell> changesSincePrevious, List<ChartSpec> charts,
                             PublicationState publication) {

    public ReportDocument {
        Model.requireFileSafe(definitionName, "definitionName");
        Model.requireText(title, "title");
        Model.requireFileSafe(period, "period");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        if (periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("period ends before it starts: " + periodStart + " .. " + periodEnd);
        }
        Model.requireText(population, "population");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(contact, "contact");
        Model.requireText(sourceSummary, "sourceSummary");
        Objects.requireNonNull(dataAsOf, "dataAsOf");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(publication, "publication");
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
        tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
        changesSincePrevious = List.copyOf(Objects.requireNonNull(changesSincePrevious, "changesSincePrevious"));
        charts = List.copyOf(Objects.requireNonNull(charts, "charts"));

        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one table");
        }
        Set<Integer> noteNumbers = new HashSet<>();
        for (Note note : notes) {
            if (!noteNumbers.add(note.number())) {
                throw new IllegalArgumentException("note " + note.number() + " is defined twice");
            }
        }
        Map<String, PublishedTable> byId = new HashMap<>();
        Set<Integer> referenced = new HashSet<>();
        for (PublishedTable table : tables) {
            if (byId.put(table.id(), table) != null) {
                throw new IllegalArgumentException("table id " + table.id() + " is used twice");
            }
            for (Integer ref : table.noteRefs()) {
                if (!noteNumbers.contains(ref)) {
                    throw new IllegalArgumentException("table " + table.id() + " refers to note " + ref + ", which does not exist");
                }
                referenced.add(ref);
            }
        }
        Set<Integer> unreferenced = new TreeSet<>(noteNumbers);
        unreferenced.removeAll(referenced);
        if (!unreferenced.isEmpty()) {
            throw new IllegalArgumentException("notes " + unreferenced + " are referenced by no table: drop them or refer to them");
        }
        for (PublishedTable table : tables) {
            if (find(byId, table.baseCell()).isEmpty()) {
                throw new IllegalArgumentException("the base of table " + table.id() + " is " + table.baseCell()
                        + ", which is not a cell of this report");
            }
        }
        for (String revised : publication.revisedCells()) {
            if (find(byId, revised).isEmpty()) {
                throw new IllegalArgumentException("revised cell " + revised + " is not a cell of this report");
            }
        }
        for (ChartSpec chart : charts) {
            if (!byId.containsKey(chart.tableId())) {
                throw new IllegalArgumentException("chart of unknown table " + chart.tableId());
            }
        }
        for (ChangedCell change : changesSincePrevious) {
            if (!byId.containsKey(change.tableId())) {
                throw new IllegalArgumentException("change in unknown table " + change.tableId());
            }
        }
    }

    private static Optional<PublishedCell> find(Map<String, PublishedTable> byId, String ref) {
        int dot = ref.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        PublishedTable table = byId.get(ref.substring(0, dot));
        return table == null ? Optional.empty() : table.row(ref.substring(dot + 1));
    }

    /** The table with this id, if any. */
    public Optional<PublishedTable> table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The cell {@code table.CATEGORY}, if any. */
    public Optional<PublishedCell> cell(String ref) {
        int dot = ref.indexOf('.');
        return dot < 0 ? Optional.empty() : table(ref.substring(0, dot)).flatMap(t -> t.row(ref.substring(dot + 1)));
    }

    /** The published cell that is the base (n) of this table's percentages. */
    public PublishedCell base(PublishedTable table) {
        return cell(table.baseCell()).orElseThrow();
    }

    /** True when the cell's shown value was revised since the previous release ({@code [r]}). */
    public boolean revised(PublishedTable table, PublishedCell cell) {
        return publication.revisedCells().contains(table.id() + "." + cell.category());
    }

    /** The note with this number. */
    public Note note(int number) {
        return notes.stream().filter(n -> n.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no note " + number));
    }

    /** The period written out, e.g. "eerste halfjaar 2024". */
    public String periodName() {
        return PeriodNames.name(periodStart, periodEnd, lang);
    }
}
