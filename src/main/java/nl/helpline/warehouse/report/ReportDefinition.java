package nl.helpline.warehouse.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A period report as {@code jobs/reports/<name>.yml} describes it: which population, which
 * tables over which dimensions, how tables link, and the disclosure threshold.
 */
public record ReportDefinition(
        String name,
        Map<String, String> title,
        String contact,
        String language,
        int threshold,
        boolean zerosSensitive,
        String populationStatus,
        List<String> excludedChannels,
        List<TableDefinition> tables,
        List<String> charts) {

    /** The dimensions the period queries know (sql/report/counts.sql); tables pick from these. */
    public static final Set<String> DIMENSIONS = Set.of("total", "requester_type", "first_contact", "work_domain",
            "phenomenon", "help_question", "follow_up", "additional_support");
    /** Multi-valued: a request counts in every category it touches, so the table need not add up. */
    public static final Set<String> MULTI_VALUED = Set.of("phenomenon", "help_question", "additional_support");
    private static final Set<String> WHERE_KEYS = Set.of("requester_type", "follow_up");

    public ReportDefinition {
        title = Map.copyOf(title);
        excludedChannels = List.copyOf(excludedChannels);
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
    }

    /**
     * @param sumsTo the published cell this table adds up to: a table id ({@code total}) or
     *               {@code table.CATEGORY}; null for none
     */
    public record TableDefinition(String id, String dimension, Map<String, String> where,
                                  Map<String, String> title, String sumsTo, Recoding recodable, boolean recoded) {
        public TableDefinition {
            where = Map.copyOf(where);
            title = Map.copyOf(title);
            if (recoded && recodable == null) {
                throw new IllegalArgumentException("table " + id + " has no recoding to apply");
            }
        }

        /** The recoding that applies to this table's rows now; null when its categories stand as they are. */
        public Recoding recoding() {
            return recoded ? recodable : null;
        }

        public boolean multiValued() {
            return MULTI_VALUED.contains(dimension);
        }

        public String title(String language) {
            return title.getOrDefault(language, title.getOrDefault("nl", id));
        }
    }

    /**
     * A declared combination of small categories into one group row (the statistical offices'
     * global recoding): {@code recode: {OTHER: [YOUTH, MUNICIPALITY, OTHER, UNKNOWN]}} in a table of
     * the definition. Offered when a release cannot be protected by suppression alone, applied
     * with {@code --recode TABLE}. The group row counts every request that has any of the
     * combined categories.
     */
    public record Recoding(String group, List<String> combines) {
        public Recoding {
            combines = List.copyOf(combines);
            if (combines.size() < 2) {
                throw new IllegalArgumentException("a recoding combines at least two categories into " + group);
            }
        }
    }

    /** A recoding asked for that the definition does not declare: a usage error. */
    public static final class UnknownRecoding extends IllegalArgumentException {
        UnknownRecoding(String message) {
            super(message);
        }
    }

    /** This definition with the recodings of the given tables applied. */
    public ReportDefinition recoded(java.util.Collection<String> tableIds) {
        List<TableDefinition> recoded = new ArrayList<>();
        for (String id : tableIds) {
            if (tables.stream().noneMatch(t -> t.id().equals(id) && t.recodable() != null)) {
                throw new UnknownRecoding("table " + id + " of definition " + name + " declares no recoding (recode:); tables that do: "
                        + tables.stream().filter(t -> t.recodable() != null).map(TableDefinition::id).toList());
            }
        }
        for (TableDefinition t : tables) {
            recoded.add(tableIds.contains(t.id()) ? new TableDefinition(t.id(), t.dimension(), t.where(), t.title(), t.sumsTo(),
                    t.recodable(), true) : t);
        }
        return new ReportDefinition(name, title, contact, language, threshold, zerosSensitive, populationStatus, excludedChannels,
                recoded, charts);
    }

    /** The tables whose recoding applies. */
    public List<String> recodedTables() {
        return tables.stream().filter(TableDefinition::recoded).map(TableDefinition::id).toList();
    }

    public String title(String lang) {
        return title.getOrDefault(lang, title.getOrDefault("nl", name));
    }

    public TableDefinition table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Report " + name + " has no table " + id));
    }

    /** {@code jobs/reports/<name>.yml} from the working directory, else the copy packaged in the jar. */
    public static ReportDefinition load(Path jobsDir, String name) throws IOException {
        Path file = jobsDir.resolve("reports").resolve(name + ".yml");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return parse(in, file.toString());
            }
        }
        try (InputStream in = ReportDefinition.class.getClassLoader().getResourceAsStream("jobs/reports/" + name + ".yml")) {
            if (in == null) {
                throw new IllegalArgumentException("There is no report definition '" + name + "' (looked for " + file + ")");
            }
            return parse(in, "jobs/reports/" + name + ".yml");
        }
    }

    @SuppressWarnings("unchecked")
    static ReportDefinition parse(InputStream in, String source) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        try {
            Map<String, Object> population = (Map<String, Object>) root.getOrDefault("population", Map.of());
            List<TableDefinition> tables = new ArrayList<>();
            for (Map<String, Object> t : (List<Map<String, Object>>) root.get("tables")) {
                String id = (String) t.get("id");
                String dimension = (String) t.get("dimension");
                if (!DIMENSIONS.contains(dimension)) {
                    throw new IllegalArgumentException("table " + id + ": unknown dimension '" + dimension + "'; known: " + DIMENSIONS);
                }
                Map<String, String> where = (Map<String, String>) t.getOrDefault("where", Map.of());
                if (!WHERE_KEYS.containsAll(where.keySet())) {
                    throw new IllegalArgumentException("table " + id + ": 'where' may restrict " + WHERE_KEYS + " only");
                }
                Recoding recodable = null;
                Map<String, List<String>> recode = (Map<String, List<String>>) t.get("recode");
                if (recode != null) {
                    if (recode.size() != 1) {
                        throw new IllegalArgumentException("table " + id + ": 'recode' names one group, e.g. {OTHER: [A, B, C]}");
                    }
                    Map.Entry<String, List<String>> group = recode.entrySet().iterator().next();
                    recodable = new Recoding(group.getKey(), group.getValue());
                }
                tables.add(new TableDefinition(id, dimension, where,
                        (Map<String, String>) t.getOrDefault("title", Map.of("nl", id)), (String) t.get("sums_to"), recodable, false));
            }
            ReportDefinition definition = new ReportDefinition(
                    (String) root.get("name"),
                    (Map<String, String>) root.get("title"),
                    (String) root.getOrDefault("contact", ""),
                    (String) root.getOrDefault("language", "nl"),
                    ((Number) root.getOrDefault("threshold", 5)).intValue(),
                    Boolean.TRUE.equals(root.get("zeros_sensitive")),
                    (String) population.getOrDefault("status", "CLOSED"),
                    (List<String>) population.getOrDefault("exclude_channels", List.of()),
                    tables,
                    (List<String>) root.getOrDefault("charts", List.of()));
            definition.checkLinks();
            return definition;
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("The report definition " + source + " is malformed: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The report definition " + source + ": " + e.getMessage(), e);
        }
    }

    private void checkLinks() {
        for (TableDefinition t : tables) {
            if (t.sumsTo() != null) {
                String table = t.sumsTo().contains(".") ? t.sumsTo().substring(0, t.sumsTo().indexOf('.')) : t.sumsTo();
                table(table);
            }
        }
        if (tables.stream().noneMatch(t -> t.dimension().equals("total"))) {
            throw new IllegalArgumentException("a report needs a table over dimension 'total'");
        }
    }
}
