package nl.helpline.warehouse.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL lives in files under {@code sql/} (packaged into the jar at the same path) and is loaded
 * here by name, so Java never carries more SQL than a line.
 */
public final class SqlFiles {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlFiles() {
    }

    /** The text of {@code sql/<name>}, e.g. {@code load(“load/10_rank_versions.sql”)}. */
    public static String load(String name) {
        return CACHE.computeIfAbsent(name, SqlFiles::read);
    }

    /** The statements of {@code sql/<name>}, split on semicolons that end a line. */
    public static List<String> loadStatements(String name) {
        return statements(load(name));
    }

    private static String read(String name) {
        String path = "sql/" + name;
        try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("SQL file " + path + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Splits a script on {@code ;} at the end of a line. Our SQL files keep to that rule (no
     * function bodies with inner semicolons at line ends), which keeps this splitter honest.
     */
    public static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") && current.toString().isBlank()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                sql = sql.substring(0, sql.length() - 1).strip();
                if (!sql.isEmpty()) {
                    result.add(sql);
                }
                current.setLength(0);
            }
        }
        String rest = current.toString().strip();
        if (!rest.isEmpty() && !rest.lines().allMatch(l -> l.strip().isEmpty() || l.strip().startsWith("--"))) {
            result.add(rest);
        }
        return result;
    }
}
