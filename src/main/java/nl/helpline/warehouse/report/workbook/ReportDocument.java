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

/**
 * A period report, fully computed and already through disclosure control: everything the workbook
 * and {@code cells.csv} show, and nothing they must not show. The writers format; they do not count,
 * round for disclosure, or decide what to suppress.
 *
 * <p>All texts are in {@code lang}; the writers add their own fixed texts (sheet names, headers, the
 * meaning of {@code < 5} and {@code [c]}) in the same language. Free texts are written verbatim and
 * must not contain a withheld value.
 *
 * @param definitionName  name of the report definition, e.g. {@code infographic}; letters, digits,
 *                        {@code . _ -} (it starts the file names {@code <definition>-<period>.xlsx} and
 *                        {@code .cells.csv})
 * @param title           the report's title, e.g. "Hulp- en advieslijn: afgesloten verzoeken"
 * @param period          the period's name, e.g. {@code 2024-H1}; same characters as definitionName
 * @param periodStart     first day of the period
 * @param periodEnd       last day of the period (inclusive)
 * @param population      one sentence describing what is counted, e.g. "Afgesloten verzoeken die in
 *                        de periode binnenkwamen, zonder chat."
 * @param lang            language of the report
 * @param contact         who to contact about the report (name, e-mail, phone)
 * @param sourceSummary   the source export files and what they contain, in words
 * @param dataAsOf        the moment the data stand at (latest export loaded), Europe/Amsterdam local
 *                        time; also fixes the workbook's document dates, so that the same model always
 *                        gives the same bytes
 * @param notes           numbered notes, referenced by tables
 * @param tables          the tables in display order, ids unique
 * @param audit           the disclosure audit's result
 * @param changesSincePrevious cells changed since an earlier publication of this period; empty if none
 * @param charts          charts to draw, in display order; may be empty
 */
public record ReportDocument(String definitionName, String title, String period,
                             LocalDate periodStart, LocalDate periodEnd, String population,
                             Language lang, String contact, String sourceSummary, LocalDateTime dataAsOf,
                             List<Note> notes, List<PublishedTable> tables, AuditStatement audit,
                             List<ChangedCell> changesSincePrevious, List<ChartSpec> charts) {

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
        Model.requireText(contact, "contact");
        Model.requireText(sourceSummary, "sourceSummary");
        Objects.requireNonNull(dataAsOf, "dataAsOf");
        Objects.requireNonNull(audit, "audit");
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
        for (PublishedTable table : tables) {
            if (byId.put(table.id(), table) != null) {
                throw new IllegalArgumentException("table id " + table.id() + " is used twice");
            }
            for (Integer ref : table.noteRefs()) {
                if (!noteNumbers.contains(ref)) {
                    throw new IllegalArgumentException("table " + table.id() + " refers to note " + ref + ", which does not exist");
                }
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

    /** The table with this id, if any. */
    public Optional<PublishedTable> table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The note with this number. */
    public Note note(int number) {
        return notes.stream().filter(n -> n.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no note " + number));
    }

    /** The base name of the output files: {@code <definition>-<period>}. */
    public String baseFileName() {
        return definitionName + "-" + period;
    }
}
