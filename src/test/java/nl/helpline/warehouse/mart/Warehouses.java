package nl.helpline.warehouse.mart;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

import nl.helpline.warehouse.support.TestDatabase;
import nl.helpline.warehouse.warehouse.BatchMetadataMigration;

/** Migrates a test database the way the application does (application.yml's spring.flyway), without loading anything. */
final class Warehouses {

    private Warehouses() {
    }

    static TestDatabase migrated() {
        TestDatabase db = TestDatabase.create();
        migrate(db, MigrationVersion.LATEST);
        return db;
    }

    static void migrate(TestDatabase db, MigrationVersion target) {
        Flyway.configure()
                .dataSource(db.url(), "postgres", "")
                .locations("classpath:sql/migrations")
                .javaMigrations(new BatchMetadataMigration())
                .schemas("etl", "staging", "dw", "batch", "mart", "report")
                .defaultSchema("etl")
                .placeholders(java.util.Map.of("reader_role", "", "analyst_role", "",   // defaults (application.yml)
                        "reader_statement_timeout", "", "reader_connection_limit", ""))
                .target(target)
                .load()
                .migrate();
    }
}
