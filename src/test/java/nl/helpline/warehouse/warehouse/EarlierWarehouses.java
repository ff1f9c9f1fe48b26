package nl.helpline.warehouse.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.flywaydb.core.Flyway;

/** A warehouse as the version before the security work left it: its migrations, applied as it applied them. */
public final class EarlierWarehouses {

    private EarlierWarehouses() {
    }

    /**
     * V1 to V11 and R__mart_views.sql as that version had it (a copy in test resources
     * {@code sql-earlier/}: the repeatable file has changed since and now needs later migrations), with
     * its grants to warehouse_reader, as superuser postgres, like the previous version did.
     */
    public static void migrate(String url) {
        try {
            Path location = Files.createTempDirectory("earlier-migrations");
            for (String name : List.of("V1__warehouse.sql", "V5__publication_register.sql", "V10__dw_comments_and_reader_role.sql",
                    "V11__mart_indexes.sql", "R__mart_views.sql")) {
                String resource = name.startsWith("R__") ? "sql-earlier/" + name : "sql/migrations/" + name;
                try (InputStream in = EarlierWarehouses.class.getClassLoader().getResourceAsStream(resource)) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    Files.writeString(location.resolve(name), text, StandardCharsets.UTF_8);
                }
            }
            Flyway.configure().dataSource(url, "postgres", "").locations("filesystem:" + location)
                    .javaMigrations(new BatchMetadataMigration()).schemas("etl", "staging", "dw", "batch", "mart", "report")
                    .defaultSchema("etl").load().migrate();
            PostgresBinaries.deleteTree(location);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
