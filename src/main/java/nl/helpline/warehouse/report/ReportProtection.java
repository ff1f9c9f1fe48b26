package nl.helpline.warehouse.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.helpline.warehouse.disclosure.AuditReport;
import nl.helpline.warehouse.disclosure.Cell;
import nl.helpline.warehouse.disclosure.CellStatus;
import nl.helpline.warehouse.disclosure.DisclosureAudit;
import nl.helpline.warehouse.disclosure.DisclosureProblem;
import nl.helpline.warehouse.disclosure.DisclosureViolationException;
import nl.helpline.warehouse.disclosure.HiddenCell;
import nl.helpline.warehouse.disclosure.PriorCell;
import nl.helpline.warehouse.disclosure.Relation;
import nl.helpline.warehouse.disclosure.SecondarySuppression;
import nl.helpline.warehouse.disclosure.SuppressionPattern;
import nl.helpline.warehouse.disclosure.UnprotectableException;

/**
 * Turns a period's true counts into what may be published: builds the disclosure problem a
 * reader faces (this report's tables, their links, and every earlier publication of the same
 * definition whose period nests with this one), suppresses, and audits independently.
 */
public final class ReportProtection {

    private ReportProtection() {
    }

    /** An earlier publication as the register remembers it: its period and its cells with true counts. */
    public record EarlierPublication(long publicationId, Period period, Map<String, EarlierCell> cells) {
    }

    public record EarlierCell(long trueCount, CellStatus status) {
    }

    public static ProtectedReport protect(ReportDefinition definition, Period period,
                                          Map<String, PeriodCounts.TableCounts> counts,
                                          List<EarlierPublication> earlier) {
        Map<String, Long> values = new LinkedHashMap<>();
        List<Cell> cells = new ArrayList<>();
        for (PeriodCounts.TableCounts table : counts.values()) {
            for (PeriodCounts.Count c : table.counts()) {
                String id = cellId(table.table().id(), c.category());
                values.put(id, c.count());
                cells.add(table.table().dimension().equals("total") ? Cell.mustPublish(id, c.count()) : Cell.of(id, c.count()));
            }
        }
        List<Relation> relations = new ArrayList<>();
        Map<String, Boolean> additive = new HashMap<>();
        for (PeriodCounts.TableCounts table : counts.values()) {
            String target = targetCell(definition, table.table(), counts);
            boolean adds = target != null && table.sum() == values.get(target);
            additive.put(table.table().id(), target == null || adds);
            if (adds) {
                relations.add(new Relation(target, table.counts().stream()
                        .map(c -> cellId(table.table().id(), c.category())).toList()));
            }
        }

        if (values.values().stream().allMatch(v -> v == 0)) {
            // A period without requests: every cell is 0, no one can be recognised in it, and
            // linking it to earlier publications would only ask the audit to enumerate zeros.
            earlier = List.of();
        }
        boolean zerosSensitive = definition.zerosSensitive();
        List<String> linked = new ArrayList<>();
        DisclosureProblem problem = problem(cells, relations, values, definition, period, earlier, zerosSensitive, linked);
        SuppressionPattern pattern;
        try {
            pattern = SecondarySuppression.protect(problem);
        } catch (UnprotectableException e) {
            if (zerosSensitive) {
                throw e;
            }
            // A published 0 beside small counts can pin them down (a small total split into small
            // parts and zeros is at least the number of non-zero parts). Hiding zeros too is then
            // the only way to publish; the report says so.
            zerosSensitive = true;
            linked.clear();
            problem = problem(cells, relations, values, definition, period, earlier, true, linked);
            pattern = SecondarySuppression.protect(problem);
        }
        AuditReport audit = DisclosureAudit.audit(problem, pattern);
        if (!audit.passed()) {
            throw new DisclosureViolationException(audit);
        }

        List<ProtectedReport.Table> tables = new ArrayList<>();
        for (PeriodCounts.TableCounts table : counts.values()) {
            String baseCell = baseCell(definition, table.table(), counts);
            long base = values.get(baseCell);
            boolean percentages = !pattern.status(baseCell).suppressed();
            List<ProtectedReport.Row> rows = new ArrayList<>();
            for (PeriodCounts.Count c : table.counts()) {
                CellStatus status = pattern.status(cellId(table.table().id(), c.category()));
                Double percent = percentages && base > 0 ? Math.round(c.count() * 1000.0 / base) / 10.0 : null;
                rows.add(new ProtectedReport.Row(c.category(), c.labelNl(), c.labelEn(), c.count(), status, percent));
            }
            tables.add(new ProtectedReport.Table(table.table(), rows, base, additive.get(table.table().id()), percentages));
        }
        return new ProtectedReport(definition, period, tables, audit, pattern.informationLoss(), linked,
                zerosSensitive && !definition.zerosSensitive());
    }

    private static DisclosureProblem problem(List<Cell> cells, List<Relation> relations, Map<String, Long> values,
                                             ReportDefinition definition, Period period, List<EarlierPublication> earlier,
                                             boolean zerosSensitive, List<String> linked) {
        DisclosureProblem problem = DisclosureProblem.of(cells, relations, definition.threshold(), zerosSensitive);
        for (EarlierPublication p : earlier) {
            problem = link(problem, relations, values, p, period, linked);
        }
        return problem;
    }

    static String cellId(String table, String category) {
        return table + "." + category;
    }

    /** The cell a table adds up to, per the definition's {@code sums_to}; null when it names none. */
    static String targetCell(ReportDefinition definition, ReportDefinition.TableDefinition table,
                             Map<String, PeriodCounts.TableCounts> counts) {
        if (table.sumsTo() == null) {
            return null;
        }
        if (table.sumsTo().contains(".")) {
            return table.sumsTo();
        }
        PeriodCounts.TableCounts target = counts.get(table.sumsTo());
        if (target.counts().size() != 1) {
            throw new IllegalArgumentException("table " + table.id() + " sums to table " + table.sumsTo()
                    + ", which has more than one row: name the cell (table.CATEGORY)");
        }
        return cellId(table.sumsTo(), target.counts().get(0).category());
    }

    /** The published cell whose count is the base of a table's percentages. */
    static String baseCell(ReportDefinition definition, ReportDefinition.TableDefinition table,
                           Map<String, PeriodCounts.TableCounts> counts) {
        if (table.dimension().equals("total")) {
            return cellId(table.id(), "TOTAL");
        }
        String target = targetCell(definition, table, counts);
        if (target != null) {
            return target;
        }
        ReportDefinition.TableDefinition total = definition.tables().stream()
                .filter(t -> t.dimension().equals("total")).findFirst().orElseThrow();
        return cellId(total.id(), "TOTAL");
    }

    /**
     * A reader holding an earlier publication whose period nests with this one can subtract: the
     * larger period's count is the smaller one's plus a never-published remainder. Those
     * remainders, and the earlier cells with what they showed, join the reader's system.
     */
    private static DisclosureProblem link(DisclosureProblem problem, List<Relation> relations, Map<String, Long> values,
                                          EarlierPublication earlier, Period period, List<String> linked) {
        boolean earlierInside = period.contains(earlier.period());
        boolean earlierAround = earlier.period().contains(period);
        if (!earlierInside && !earlierAround) {
            return problem;
        }
        String prefix = "p" + earlier.publicationId() + ":";
        String remainderPrefix = "r" + earlier.publicationId() + ":";
        List<PriorCell> prior = new ArrayList<>();
        List<HiddenCell> hidden = new ArrayList<>();
        List<Relation> links = new ArrayList<>();
        Map<String, Long> priorValues = new HashMap<>();
        Map<String, Long> remainderValues = new HashMap<>();
        for (Map.Entry<String, EarlierCell> e : earlier.cells().entrySet()) {
            prior.add(new PriorCell(prefix + e.getKey(), e.getValue().trueCount(), e.getValue().status()));
            priorValues.put(e.getKey(), e.getValue().trueCount());
            Long now = values.get(e.getKey());
            if (now == null) {
                continue;
            }
            long remainder = earlierInside ? now - e.getValue().trueCount() : e.getValue().trueCount() - now;
            if (remainder < 0) {
                continue;   // late corrections made the nesting untrue for this cell: no link a reader could rely on
            }
            hidden.add(new HiddenCell(remainderPrefix + e.getKey(), remainder));
            remainderValues.put(e.getKey(), remainder);
            links.add(earlierInside
                    ? Relation.of(e.getKey(), prefix + e.getKey(), remainderPrefix + e.getKey())
                    : Relation.of(prefix + e.getKey(), e.getKey(), remainderPrefix + e.getKey()));
        }
        // The reader also knows the earlier tables add up (where they did), and so do the remainders.
        for (Relation r : relations) {
            mirror(r, priorValues, prefix).ifPresent(links::add);
            mirror(r, remainderValues, remainderPrefix).ifPresent(links::add);
        }
        linked.add(earlier.period().label() + " (publication " + earlier.publicationId() + ")");
        return problem.withEarlier(prior, hidden, links);
    }

    private static java.util.Optional<Relation> mirror(Relation r, Map<String, Long> values, String prefix) {
        if (!values.containsKey(r.totalCellId()) || !r.partCellIds().stream().allMatch(values::containsKey)) {
            return java.util.Optional.empty();
        }
        long sum = r.partCellIds().stream().mapToLong(values::get).sum();
        if (sum != values.get(r.totalCellId())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Relation(prefix + r.totalCellId(), r.partCellIds().stream().map(p -> prefix + p).toList()));
    }
}
