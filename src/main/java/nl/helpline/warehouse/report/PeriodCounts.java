package nl.helpline.warehouse.report;

import java.util.ArrayList;
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
 * disclosure control. One transaction, so all tables see the same warehouse state.
 */
public final class PeriodCounts {

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

    public Map<String, TableCounts> count(ReportDefinition definition, Period period) {
        return transaction.execute(status -> {
            MapSqlParameterSource population = new MapSqlParameterSource()
                    .addValue("from", period.start())
                    .addValue("to", period.end())
                    .addValue("status", definition.populationStatus())
                    .addValue("excluded_channels", String.join(",", definition.excludedChannels()));
            for (String statement : SqlFiles.loadStatements("report/population.sql")) {
                jdbc.update(statement, population);
            }
            Map<String, TableCounts> result = new LinkedHashMap<>();
            for (ReportDefinition.TableDefinition table : definition.tables()) {
                MapSqlParameterSource parameters = new MapSqlParameterSource()
                        .addValue("dimension", table.dimension())
                        .addValue("where_requester_type", table.where().getOrDefault("requester_type", ""))
                        .addValue("where_follow_up", table.where().getOrDefault("follow_up", ""));
                List<Count> counts = new ArrayList<>(jdbc.query(SqlFiles.loadStatements("report/counts.sql").get(0), parameters,
                        (rs, i) -> new Count(rs.getString("category"), rs.getString("label_nl"), rs.getString("label_en"), rs.getLong("count"))));
                // The layout is the same every period, except: UNKNOWN only when it occurs, and
                // a channel the definition excludes has no row at all.
                counts.removeIf(c -> c.category().equals("UNKNOWN") && c.count() == 0);
                if (table.dimension().equals("first_contact")) {
                    counts.removeIf(c -> definition.excludedChannels().contains(c.category()));
                }
                Long base = jdbc.queryForObject(SqlFiles.loadStatements("report/base.sql").get(0), parameters, Long.class);
                result.put(table.id(), new TableCounts(table, List.copyOf(counts), base == null ? 0 : base));
            }
            return result;
        });
    }
}
