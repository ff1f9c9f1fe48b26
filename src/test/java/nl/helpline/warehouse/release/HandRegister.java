package nl.helpline.warehouse.release;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Register rows written by hand, for testing {@link ExactReader} without the release engine: each
 * release names its tables, its members (request key and its record: the cells
 * {@code dimension.CODE} it is) and how each cell was shown; the true counts, adds_up and the
 * records follow from the members.
 */
final class HandRegister {

    /**
     * A table of a hand-made definition; its cell {@code id.CATEGORY} counts the requests whose
     * cells hold {@code dimension.CATEGORY} and every cell of {@code requires}.
     */
    record Table(String id, String dimension, String baseCell, List<String> categories, List<String> requires,
                 Map<String, List<String>> combines) {
        Table(String id, String dimension, String baseCell, List<String> categories) {
            this(id, dimension, baseCell, categories, List.of(), Map.of());
        }

        Table(String id, String dimension, String baseCell, List<String> categories, List<String> requires) {
            this(id, dimension, baseCell, categories, requires, Map.of());
        }

        /** A recoded row (in {@code combines}) counts the requests in any of its categories. */
        long count(List<Request> members, String category) {
            List<String> any = combines.getOrDefault(category, List.of(category)).stream().map(c -> dimension + "." + c).toList();
            return members.stream().filter(r -> any.stream().anyMatch(r.cells()::contains) && r.cells().containsAll(requires)).count();
        }
    }

    /** One request as a release counts it. */
    record Request(long key, List<String> cells) {
    }

    static Request request(long key, String... cells) {
        List<String> all = new ArrayList<>(List.of("total.TOTAL"));
        all.addAll(List.of(cells));
        return new Request(key, all);
    }

    /** {@code n} requests with keys from {@code firstKey}, each counting in the same cells. */
    static List<Request> requests(long firstKey, int n, String... cells) {
        List<Request> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(request(firstKey + i, cells));
        }
        return out;
    }

    private final JdbcTemplate jdbc;
    private final Map<String, Integer> versions = new HashMap<>();
    private final Map<String, LocalDate> starts = new HashMap<>();

    HandRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Registers a release. {@code shown} maps a cell to "primary" or "secondary"; every other cell
     * is published. Returns its release_id.
     */
    long release(String definition, String period, int threshold, boolean zerosSensitive, List<Table> tables,
                 List<Request> members, Map<String, String> shown) {
        Map<String, Long> truth = new HashMap<>();
        for (Table table : tables) {
            for (String category : table.categories()) {
                truth.put(table.id() + "." + category, table.count(members, category));
            }
        }
        int version = versions.merge(definition + "/" + period, 1, Integer::sum);
        LocalDate start = starts.computeIfAbsent(period, p -> LocalDate.of(2000 + starts.size(), 1, 1));
        Long id = jdbc.queryForObject("INSERT INTO report.release (definition_name, period_label, period_start, period_end, version, "
                        + "threshold, zeros_sensitive, released_by, data_state, members) VALUES (?, ?, ?, ?, ?, ?, ?, 'test', 'by hand', ?) "
                        + "RETURNING release_id", Long.class, definition, period, start, start.plusMonths(6).minusDays(1), version,
                threshold, zerosSensitive, members.size());
        int order = 0;
        for (Table table : tables) {
            long sum = table.categories().stream().mapToLong(c -> truth.getOrDefault(table.id() + "." + c, 0L)).sum();
            boolean addsUp = sum == truth.getOrDefault(table.baseCell(), 0L);
            jdbc.update("INSERT INTO report.release_table (release_id, table_id, dimension, requires, table_order, title_nl, title_en, "
                    + "base_cell, adds_up) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, table.id(), table.dimension(),
                    table.requires().toArray(String[]::new), order++, table.id(), table.id(), table.baseCell(), addsUp);
            int row = 0;
            for (String category : table.categories()) {
                String cell = table.id() + "." + category;
                String status = shown.getOrDefault(cell, "published");
                long count = truth.getOrDefault(cell, 0L);
                List<String> combined = table.combines().get(category);
                jdbc.update("INSERT INTO report.release_cell (release_id, table_id, category, status, published_count, true_count, row_order, combines) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, table.id(), category, status,
                        status.equals("published") ? count : null, count, row++, combined == null ? null : combined.toArray(String[]::new));
            }
        }
        for (Request r : members) {
            Set<String> sorted = new TreeSet<>(r.cells());
            byte[] sha = sha256(String.join("\n", sorted));
            jdbc.update("INSERT INTO report.release_record (record_sha, cells) VALUES (?, ?) ON CONFLICT DO NOTHING", sha,
                    sorted.toArray(String[]::new));
            jdbc.update("INSERT INTO report.release_member (release_id, request_key, record_sha) VALUES (?, ?, ?)", id, r.key(), sha);
        }
        return id;
    }

    static Map<String, String> shown(String... cellStatus) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < cellStatus.length; i += 2) {
            out.put(cellStatus[i], cellStatus[i + 1]);
        }
        return out;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
