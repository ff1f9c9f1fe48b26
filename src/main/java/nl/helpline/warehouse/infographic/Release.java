package nl.helpline.warehouse.infographic;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import nl.helpline.warehouse.report.PublicationState;
import nl.helpline.warehouse.report.workbook.CellStatus;
import nl.helpline.warehouse.report.workbook.Language;
import nl.helpline.warehouse.report.workbook.PublishedCell;
import nl.helpline.warehouse.report.workbook.ReportDocument;

/**
 * What a release publishes, and nothing more: the input of the infographic. Its cells are
 * {@link PublishedCell}s, which cannot carry a withheld value; the base (n) of each table is the
 * published cell it refers to, shown as its count or its sign.
 *
 * @param definitionName the report definition, e.g. {@code helpline}
 * @param periodStart    first day of the period
 * @param periodEnd      last day of the period
 * @param lang           language of the labels (and so of the infographic)
 * @param threshold      the disclosure threshold: a primary-suppressed cell shows {@code "< " + threshold}
 * @param publication    draft, or release with version and date; provisional figures; revised cells
 * @param chatExcluded   requests that came in by chat are not counted (the definition excludes them)
 * @param tables         the tables in report order
 */
public record Release(String definitionName, LocalDate periodStart, LocalDate periodEnd, Language lang, int threshold,
                      PublicationState publication, boolean chatExcluded, List<Table> tables) {

    /**
     * One published table.
     *
     * @param id    the table id ({@code requester}, {@code phenomenon}, …)
     * @param title its title in the release's language
     * @param base  the base (n) of its percentages, as published (a withheld base carries no count)
     * @param rows  the categories in table order
     */
    public record Table(String id, String title, PublishedCell base, List<PublishedCell> rows) {
        public Table {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(base, "base");
            rows = List.copyOf(rows);
            Set<String> seen = new HashSet<>();
            for (PublishedCell row : rows) {
                if (!seen.add(row.category())) {
                    throw new IllegalArgumentException("table " + id + " lists category " + row.category() + " twice");
                }
            }
        }

        public Optional<PublishedCell> row(String category) {
            return rows.stream().filter(r -> r.category().equals(category)).findFirst();
        }

        /** True when the table has at least one withheld row. */
        public boolean hasWithheld() {
            return rows.stream().anyMatch(PublishedCell::suppressed);
        }
    }

    public Release {
        Objects.requireNonNull(definitionName, "definitionName");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(publication, "publication");
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be 1 or more: " + threshold);
        }
        tables = List.copyOf(tables);
        Set<String> ids = new HashSet<>();
        for (Table t : tables) {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("table " + t.id() + " appears twice");
            }
        }
        List<Table> all = tables;
        for (String revised : publication.revisedCells()) {
            int dot = revised.indexOf('.');
            if (dot < 0 || all.stream().filter(t -> t.id().equals(revised.substring(0, dot))).findFirst()
                    .flatMap(t -> t.row(revised.substring(dot + 1))).isEmpty()) {
                throw new IllegalArgumentException("revised cell " + revised + " is not a cell of this release");
            }
        }
    }

    public Optional<Table> table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public boolean revised(String tableId, String category) {
        return publication.revisedCells().contains(tableId + "." + category);
    }

    /** The sign of a withheld cell, or its count as digits. */
    public String shown(PublishedCell cell) {
        return cell.suppressed() ? cell.status().marker(threshold) : Long.toString(cell.count());
    }

    /** The release as the workbook's model holds it. */
    public static Release of(ReportDocument doc, int threshold, boolean chatExcluded) {
        List<Table> tables = doc.tables().stream()
                .map(t -> new Table(t.id(), t.title(), doc.base(t), t.rows())).toList();
        return new Release(doc.definitionName(), doc.periodStart(), doc.periodEnd(), doc.lang(), threshold, doc.publication(),
                chatExcluded, tables);
    }

    /** A cell standing for a table's base (n), as the release shows it. */
    static PublishedCell base(Long count, CellStatus status) {
        return new PublishedCell("BASE", "n", status.suppressed() ? null : count, null, status);
    }
}
