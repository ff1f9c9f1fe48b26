package nl.helpline.warehouse.mart;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.warehouse.SqlFiles;

/**
 * The data dictionary of the schemas readers see ({@code released} for BI tools, {@code mart}
 * for named staff) and the star behind them ({@code dw}), rendered as Markdown from the database's own catalog: the descriptions are the
 * {@code COMMENT ON}s of the migrations, so the dictionary and the descriptions BI tools show
 * are one text. The committed copy is {@code sql/data-dictionary.md}; {@code DataDictionaryTest}
 * fails when it no longer matches a freshly migrated warehouse.
 */
public final class DataDictionary {

    /** In the order the dictionary presents them: what BI users query first. */
    public static final List<String> SCHEMAS = List.of("released", "mart", "dw");

    public static final String REGENERATE =
            "./mvnw -o test -Dtest=DataDictionaryTest -Ddata-dictionary.write=true";

    private DataDictionary() {
    }

    /** The dictionary of a migrated warehouse. Deterministic: the same catalog gives the same bytes. */
    public static String render(JdbcTemplate jdbc) {
        StringBuilder md = new StringBuilder();
        md.append("# Data dictionary\n\n")
                .append("The warehouse's schema `released` (the released cells BI tools read, role `<database>_reader`), schema\n")
                .append("`mart` (request level, for named staff, role `<database>_analyst`) and schema `dw` (the star schema\n")
                .append("behind them), as the database describes them: every description below is a\n")
                .append("`COMMENT ON` in `sql/migrations`, which Metabase, Power BI and Superset show too.\n\n")
                .append("Generated from the catalog by `nl.helpline.warehouse.mart.DataDictionary`; do not edit by hand.\n")
                .append("After changing a migration, regenerate it with\n`").append(REGENERATE).append("`.\n");
        for (String schema : SCHEMAS) {
            renderSchema(jdbc, schema, md);
        }
        return md.toString();
    }

    private static void renderSchema(JdbcTemplate jdbc, String schema, StringBuilder md) {
        List<Map<String, Object>> relations = jdbc.queryForList(SqlFiles.load("queries/data_dictionary_relations.sql"), schema);
        md.append("\n## Schema `").append(schema).append("`\n\n");
        String description = jdbc.queryForObject(SqlFiles.load("queries/data_dictionary_schema.sql"), String.class, schema);
        md.append(paragraph(description)).append("\n\n");
        md.append("| name | kind | description |\n|---|---|---|\n");
        for (Map<String, Object> relation : relations) {
            md.append("| [`").append(relation.get("relname")).append("`](#").append(anchor(schema, relation)).append(") | ")
                    .append(relation.get("kind")).append(" | ").append(cell(firstSentence((String) relation.get("description"))))
                    .append(" |\n");
        }
        for (Map<String, Object> relation : relations) {
            boolean table = "table".equals(relation.get("kind"));
            md.append("\n### `").append(schema).append('.').append(relation.get("relname")).append("`\n\n")
                    .append(capitalised((String) relation.get("kind"))).append(". ")
                    .append(paragraph((String) relation.get("description"))).append("\n\n");
            md.append(table ? "| column | type | key | description |\n|---|---|---|---|\n"
                            : "| column | type | description |\n|---|---|---|\n");
            for (Map<String, Object> column : jdbc.queryForList(SqlFiles.load("queries/data_dictionary_columns.sql"), schema, relation.get("relname"))) {
                md.append("| `").append(column.get("attname")).append("` | ").append(cell((String) column.get("type")));
                if (table) {
                    md.append(" | ").append(cell((String) column.get("keys")));
                }
                md.append(" | ").append(cell((String) column.get("description"))).append(" |\n");
            }
        }
    }

    /** GitHub's anchor for a heading "`schema.name`": lower case, the dot dropped. */
    private static String anchor(String schema, Map<String, Object> relation) {
        return (schema + relation.get("relname")).toLowerCase(java.util.Locale.ROOT);
    }

    private static String paragraph(String text) {
        return text == null ? "(no description)" : text.strip();
    }

    private static String cell(String text) {
        return text == null ? "" : text.strip().replace("\r", "").replace("\n", " ").replace("|", "\\|");
    }

    private static String firstSentence(String text) {
        if (text == null) {
            return null;
        }
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static String capitalised(String kind) {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }
}
