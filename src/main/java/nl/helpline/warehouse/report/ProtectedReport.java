package nl.helpline.warehouse.report;

import java.util.List;

import nl.helpline.warehouse.disclosure.AuditReport;
import nl.helpline.warehouse.disclosure.CellStatus;
import nl.helpline.warehouse.disclosure.InformationLoss;

/**
 * A period report after disclosure control: what will be published, cell by cell. Holds the
 * true counts only so the register can keep them; {@link Row#publishedCount()} and
 * {@link Row#publishedPercent()} are what readers see.
 *
 * @param zerosHidden the report could only be protected by treating zeros as sensitive too,
 *                    although its definition publishes them
 */
public record ProtectedReport(
        ReportDefinition definition,
        Period period,
        List<Table> tables,
        AuditReport audit,
        InformationLoss informationLoss,
        List<String> linkedPublications,
        boolean zerosHidden) {

    public ProtectedReport {
        tables = List.copyOf(tables);
        linkedPublications = List.copyOf(linkedPublications);
    }

    /**
     * @param additive        whether the table adds up to its base (single-valued always; multi-valued when the data make it so)
     * @param percentagesShown false when the table's base is itself suppressed: percentages would reveal it
     */
    public record Table(ReportDefinition.TableDefinition definition, List<Row> rows, long base, boolean additive,
                        boolean percentagesShown) {
        public Table {
            rows = List.copyOf(rows);
        }
    }

    public record Row(String category, String labelNl, String labelEn, long trueCount, CellStatus status, Double percent) {

        public Long publishedCount() {
            return status.suppressed() ? null : trueCount;
        }

        public Double publishedPercent() {
            return status.suppressed() ? null : percent;
        }

        public String label(String language) {
            return "en".equals(language) ? labelEn : labelNl;
        }
    }

    public long total() {
        return tables.stream().filter(t -> t.definition().dimension().equals("total"))
                .findFirst().map(t -> t.rows().get(0).trueCount()).orElse(0L);
    }
}
