package nl.helpline.warehouse.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import nl.helpline.warehouse.warehouse.SqlFiles;

/**
 * The requests a report counts, each with its record: what the request is in the words of the
 * report dimensions ({@code requester_type.PROFESSIONAL}, {@code phenomenon.LEFT_WING}, …),
 * whatever the definition. A report's cell counts the members whose record holds the cell's
 * {@link CellKey}. The joint model of everything released ({@link ReleasedModel}) forms its
 * pieces from the members of every release.
 */
public final class Members {

    private static final DateTimeFormatter DATE_KEY = DateTimeFormatter.BASIC_ISO_DATE;

    /** A request's record: sorted cells and their SHA-256 (the record's identity across releases). */
    public record Record(List<String> cells, byte[] sha) {
        public Record {
            cells = List.copyOf(cells);
        }

        static Record of(TreeSet<String> cells) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (String c : cells) {
                    digest.update(c.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
                return new Record(List.copyOf(cells), digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public String shaKey() {
            return java.util.HexFormat.of().formatHex(sha);
        }

        public boolean holds(CellKey key) {
            boolean any = false;
            for (String c : key.combines()) {
                if (cells.contains(key.dimension() + "." + c)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
            for (String r : key.requires()) {
                if (!cells.contains(r)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The members: request key to record, in request-key order. */
    private final Map<Long, Record> records;

    private Members(Map<Long, Record> records) {
        this.records = records;
    }

    public Map<Long, Record> records() {
        return records;
    }

    public int size() {
        return records.size();
    }

    /** The members of a definition's population in a period, as the warehouse holds them now. */
    public static Members of(DataSource dataSource, ReportDefinition definition, Period period) {
        MapSqlParameterSource population = new MapSqlParameterSource()
                .addValue("from_key", Integer.parseInt(period.start().format(DATE_KEY)))
                .addValue("to_key", Integer.parseInt(period.end().format(DATE_KEY)))
                .addValue("status", definition.populationStatus())
                .addValue("excluded_channels", String.join(",", definition.excludedChannels()));
        Map<Long, Record> records = new LinkedHashMap<>();
        Map<String, Record> shared = new HashMap<>();   // most requests share their record with others
        new NamedParameterJdbcTemplate(dataSource).query(SqlFiles.load("release/members.sql"), population, rs -> {
            TreeSet<String> cells = new TreeSet<>();
            cells.add("total.TOTAL");
            cells.add("requester_type." + rs.getString("requester_type_code"));
            cells.add("work_domain." + rs.getString("work_domain_code"));
            cells.add("first_contact." + rs.getString("first_contact"));
            cells.add("follow_up." + rs.getString("follow_up_code"));
            add(cells, "phenomenon", rs.getArray("phenomena"));
            add(cells, "help_question", rs.getArray("help_questions"));
            add(cells, "additional_support", rs.getArray("supports"));
            Record record = shared.computeIfAbsent(String.join("\u0000", cells), k -> Record.of(cells));
            records.put(rs.getLong("request_key"), record);
        });
        return new Members(records);
    }

    private static void add(TreeSet<String> cells, String dimension, Array array) throws SQLException {
        for (Object code : (Object[]) array.getArray()) {
            cells.add(dimension + "." + code);
        }
    }

    /** How many members count in each cell key. */
    public Map<CellKey, Long> count(List<CellKey> keys) {
        Map<Record, Long> perRecord = new HashMap<>();
        records.values().forEach(r -> perRecord.merge(r, 1L, Long::sum));
        Map<CellKey, Long> counts = new LinkedHashMap<>();
        for (CellKey key : keys) {
            long n = 0;
            for (Map.Entry<Record, Long> e : perRecord.entrySet()) {
                if (e.getKey().holds(key)) {
                    n += e.getValue();
                }
            }
            counts.put(key, n);
        }
        return counts;
    }

    /**
     * A cell of a report table in the words of the records: the dimension and category it counts,
     * and the record cells its table's population requires ({@code where: {requester_type:
     * PROFESSIONAL}} is {@code requester_type.PROFESSIONAL}). Two definitions' tables with the same
     * key count the same requests.
     */
    public record CellKey(String dimension, String category, List<String> requires, List<String> combines) {
        public CellKey {
            requires = List.copyOf(new TreeSet<>(requires));
            combines = combines == null || combines.isEmpty() ? List.of(category) : List.copyOf(new TreeSet<>(combines));
        }

        public CellKey(String dimension, String category, List<String> requires) {
            this(dimension, category, requires, null);
        }

        /** The key of a table's row: a recoded table's group row counts every category it combines. */
        public static CellKey of(ReportDefinition.TableDefinition table, String category) {
            List<String> requires = new ArrayList<>();
            table.where().forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    requires.add(k + "." + v);
                }
            });
            ReportDefinition.Recoding recoding = table.recoding();
            List<String> combines = recoding != null && recoding.group().equals(category) ? recoding.combines() : null;
            return new CellKey(table.dimension(), category, requires, combines);
        }

        public boolean recoded() {
            return combines.size() > 1 || !combines.get(0).equals(category);
        }

        /** The key of the table's base: all requests its population holds. */
        public static CellKey baseOf(List<String> requires) {
            if (requires.size() == 1) {
                int dot = requires.get(0).indexOf('.');
                return new CellKey(requires.get(0).substring(0, dot), requires.get(0).substring(dot + 1), List.of());
            }
            return new CellKey("total", "TOTAL", requires);
        }

        @Override
        public String toString() {
            String cat = recoded() ? category + "=" + String.join("|", combines) : category;
            return requires.isEmpty() ? dimension + "." + cat : dimension + Arrays.toString(requires.toArray()) + "." + cat;
        }
    }

    static int dateKey(LocalDate day) {
        return Integer.parseInt(day.format(DATE_KEY));
    }
}
