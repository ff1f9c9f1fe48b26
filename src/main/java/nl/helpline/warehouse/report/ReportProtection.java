package nl.helpline.warehouse.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.helpline.warehouse.disclosure.AuditReport;
import nl.helpline.warehouse.disclosure.Bound;
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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportProtection.class);

    private ReportProtection() {
    }

    public record EarlierCell(long trueCount, CellStatus status) {
    }

    /** A report protected on its own: no release shares a request with it. */
    public static ProtectedReport protect(ReportDefinition definition, Period period, Map<String, PeriodCounts.TableCounts> counts) {
        return protect(definition, period, counts, null, ReleasedModel.none());
    }

    /**
     * @param members  the requests the counts count, with their records; they must add up to the counts (null only
     *                 when {@code released} is empty)
     * @param released everything released that shares a request with the report
     */
    public static ProtectedReport protect(ReportDefinition definition, Period period,
                                          Map<String, PeriodCounts.TableCounts> counts,
                                          Members members, ReleasedModel released) {
        Map<String, Long> values = new LinkedHashMap<>();
        List<Cell> cells = new ArrayList<>();
        Map<String, Members.CellKey> keys = new LinkedHashMap<>();
        List<ReleasedModel.ReleasedTable> modelTables = new ArrayList<>();
        for (PeriodCounts.TableCounts table : counts.values()) {
            List<Members.CellKey> rows = new ArrayList<>();
            for (PeriodCounts.Count c : table.counts()) {
                String id = cellId(table.table().id(), c.category());
                values.put(id, c.count());
                keys.put(id, Members.CellKey.of(table.table(), c.category()));
                rows.add(keys.get(id));
                cells.add(table.table().dimension().equals("total") ? Cell.mustPublish(id, c.count()) : Cell.of(id, c.count()));
            }
            modelTables.add(new ReleasedModel.ReleasedTable(table.table().id(), table.table().dimension(),
                    keys.get(cellId(table.table().id(), table.counts().get(0).category())).requires(), rows,
                    table.table().multiValued()));
        }
        // The members the joint model rests on must count what the report counts, cell by cell.
        if (members == null && !released.isEmpty()) {
            throw new IllegalArgumentException("a report protected against releases needs its members");
        }
        Map<Members.CellKey, Long> fromMembers = members == null ? null : members.count(new ArrayList<>(keys.values()));
        keys.forEach((id, key) -> {
            if (fromMembers == null) {
                return;
            }
            if (!fromMembers.get(key).equals(values.get(id))) {
                throw new IllegalStateException("the report's members do not add up to its cell " + id
                        + ": the warehouse changed while the report was made, or members.sql and counts.sql disagree");
            }
        });
        for (ReleasedModel.Release r : released.releases()) {
            if (r.threshold() != definition.threshold()) {
                throw new IllegalArgumentException("Release " + r.label() + " used the threshold " + r.threshold() + ", definition "
                        + definition.name() + " uses " + definition.threshold() + ": releases that share requests must use one threshold");
            }
        }
        List<Relation> relations = new ArrayList<>();
        List<Bound> bounds = new ArrayList<>();
        Map<String, Boolean> additive = new HashMap<>();
        for (PeriodCounts.TableCounts table : counts.values()) {
            String target = targetCell(definition, table.table(), counts);
            boolean adds = target != null && table.sum() == values.get(target);
            additive.put(table.table().id(), target == null || adds);
            List<String> parts = table.counts().stream().map(c -> cellId(table.table().id(), c.category())).toList();
            if (adds) {
                relations.add(new Relation(target, parts));
            } else if (target != null && table.table().multiValued() && table.sum() > values.get(target)) {
                // What a reader knows of a multi-valued table (every request has at least one value,
                // and the notes say it adds up to more): each row at most its base, the rows together
                // more than it.
                bounds.addAll(Bound.multiValued(target, parts, 1));
            }
        }

        if (values.values().stream().allMatch(v -> v == 0)) {
            // A period without requests: every cell is 0, no one can be recognised in it, and
            // linking it to earlier publications would only ask the audit to enumerate zeros.
            released = ReleasedModel.none();
        }
        boolean zerosSensitive0 = definition.zerosSensitive() || released.zerosSensitive();
        List<String> linked = new ArrayList<>();
        ReleasedModel released0 = released;
        DisclosureProblem problem0 = problem(cells, relations, bounds, keys, modelTables, definition, period, values, released, zerosSensitive0, linked);
        Engine engine = withinTimeLimit(() -> engine(problem0, cells, relations, bounds, keys, modelTables, definition, period, values,
                released0, zerosSensitive0, linked));
        SuppressionPattern pattern = engine.pattern();
        AuditReport audit = engine.audit();
        DisclosureProblem problem = engine.problem();
        boolean zerosSensitive = engine.zerosSensitive();
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

    /** What the engine made of a report: the problem it solved (zeros may have become sensitive), the pattern, its audit. */
    private record Engine(DisclosureProblem problem, SuppressionPattern pattern, AuditReport audit, boolean zerosSensitive) {
    }

    private static Engine engine(DisclosureProblem problem, List<Cell> cells, List<Relation> relations, List<Bound> bounds,
                                 Map<String, Members.CellKey> keys, List<ReleasedModel.ReleasedTable> modelTables,
                                 ReportDefinition definition, Period period, Map<String, Long> values, ReleasedModel released,
                                 boolean zerosSensitive, List<String> linked) {
        SuppressionPattern pattern;
        long started = System.nanoTime();
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
            problem = problem(cells, relations, bounds, keys, modelTables, definition, period, values, released, true, linked);
            pattern = SecondarySuppression.protect(problem);
        }
        long searched = System.nanoTime();
        AuditReport audit = DisclosureAudit.audit(problem, pattern);
        // Sizes and times only: never a count.
        LOG.info("Protected {} {} against {} releases in {} pieces: {} cells, {} earlier, {} never published, {} relations, {} bounds;"
                        + " search {} ms, audit {} ms", definition.name(), period.label(), released.releases().size(), released.pieces().size(),
                problem.cells().size(), problem.priorCells().size(), problem.hiddenCells().size(), problem.relations().size(),
                problem.bounds().size(), (searched - started) / 1_000_000, (System.nanoTime() - searched) / 1_000_000);
        return new Engine(problem, pattern, audit, zerosSensitive);
    }

    /**
     * How long the engine may work on one report: {@code -Dwarehouse.protection.seconds} (default 600).
     * A joint model of many overlapping releases can take the exact search very long; past the
     * limit the report is refused (nothing written), never published unproven.
     */
    static long timeLimitSeconds() {
        return Long.getLong("warehouse.protection.seconds", 600);
    }

    /** The engine ran out of its time limit. */
    public static final class TimedOut extends RuntimeException {
        TimedOut(long seconds) {
            super("the exact protection did not finish within " + seconds + " s", null, false, false);
        }
    }

    private static Engine withinTimeLimit(java.util.concurrent.Callable<Engine> work) {
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "protection");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.Future<Engine> future = executor.submit(work);
        long limit = timeLimitSeconds();
        try {
            return future.get(limit, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);   // the engine checks for the interrupt before every solve
            throw new TimedOut(limit);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TimedOut(0);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    private static DisclosureProblem problem(List<Cell> cells, List<Relation> relations, List<Bound> bounds,
                                             Map<String, Members.CellKey> keys, List<ReleasedModel.ReleasedTable> tables,
                                             ReportDefinition definition, Period period, Map<String, Long> values,
                                             ReleasedModel released, boolean zerosSensitive, List<String> linked) {
        DisclosureProblem problem = DisclosureProblem.of(cells, relations, definition.threshold(), zerosSensitive).withBounds(bounds);
        return released.extend(problem, keys, tables, linked, definition.name(), period, values);
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
}
