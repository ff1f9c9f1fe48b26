package nl.helpline.warehouse.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import nl.helpline.warehouse.warehouse.SqlFiles;

/**
 * The true counts of a report for one period, straight from the star schema, before any
 * disclosure control. One transaction, so all tables see the same warehouse state. The counts
 * of every table come from one query ({@code report/counts.sql}); which categories a table
 * shows, with which labels and in which order, from another ({@code report/categories.sql}).
 */
public final class PeriodCounts {

    private static final DateTimeFormatter DATE_KEY = DateTimeFormatter.BASIC_ISO_DATE;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public PeriodCounts(DataSource dataSource, TransactionTemplate transaction) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.transaction = transaction;
    }

    /** A category's true count, with both labels. */
    public record Count(String category, String labelNl, String labelEn, long count) {
    }

    /** One table's counts and the number of requests it counts over. */
    public record TableCounts(ReportDefinition.TableDefinition table, List<Count> counts, long base) {
        public long sum() {
            return counts.stream().mapToLong(Count::count).sum();
        }
    }

    /** A category of a dimension as the report shows it. */
    private record Category(String dimension, String code, String labelNl, String labelEn) {
    }

    /** Requests of one category, among those of one requester type and follow-up. */
    private record Counted(String dimension, String code, String requesterType, String followUp, long requests) {
        boolean passes(Map<String, String> where) {
            String requester = where.get("requester_type");
            String follow = where.get("follow_up");
            return (requester == null || requester.isEmpty() || requester.equals(requesterType))
                    && (follow == null || follow.isEmpty() || follow.equals(followUp));
        }
    }

    public Map<String, TableCounts> count(ReportDefinition definition, Period period) {
        return transaction.execute(status -> {
            MapSqlParameterSource population = new MapSqlParameterSource()
                    .addValue("from_key", dateKey(period.start()))
                    .addValue("to_key", dateKey(period.end()))
                    .addValue("status", definition.populationStatus())
                    .addValue("excluded_channels", String.join(",", definition.excludedChannels()));
            List<Counted> counted = jdbc.query(SqlFiles.loadStatements("report/counts.sql").get(0), population,
                    (rs, i) -> new Counted(rs.getString("dimension"), rs.getString("code"), rs.getString("requester_type_code"),
                            rs.getString("follow_up_code"), rs.getLong("requests")));
            List<Category> categories = jdbc.query(SqlFiles.loadStatements("report/categories.sql").get(0), new MapSqlParameterSource(),
                    (rs, i) -> new Category(rs.getString("dimension"), rs.getString("code"), rs.getString("label_nl"), rs.getString("label_en")));

            Map<String, TableCounts> result = new LinkedHashMap<>();
            for (ReportDefinition.TableDefinition table : definition.tables()) {
                Map<String, Long> byCode = new HashMap<>();
                long base = 0;
                for (Counted c : counted) {
                    if (!c.passes(table.where())) {
                        continue;
                    }
                    if (c.dimension().equals(table.dimension()) && c.code() != null) {
                        byCode.merge(c.code(), c.requests(), Long::sum);
                    }
                    if (c.dimension().equals("total")) {
                        base += c.requests();
                    }
                }
                List<Count> counts = new ArrayList<>();
                for (Category category : categories) {
                    if (category.dimension().equals(table.dimension())) {
                        counts.add(new Count(category.code(), category.labelNl(), category.labelEn(), byCode.getOrDefault(category.code(), 0L)));
                    }
                }
                // The layout is the same every period, except: UNKNOWN only when it occurs, and
                // a channel the definition excludes has no row at all.
                counts.removeIf(c -> c.category().equals("UNKNOWN") && c.count() == 0);
                if (table.dimension().equals("first_contact")) {
                    counts.removeIf(c -> definition.excludedChannels().contains(c.category()));
                }
                result.put(table.id(), new TableCounts(table, List.copyOf(counts), base));
            }
            return result;
        });
    }

    /** The warehouse's date key (yyyymmdd) of a day. */
    private static int dateKey(LocalDate day) {
        return Integer.parseInt(day.format(DATE_KEY));
    }
}
