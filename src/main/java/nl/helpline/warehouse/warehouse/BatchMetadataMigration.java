package nl.helpline.warehouse.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Creates Spring Batch's job repository tables in schema {@code batch} from the script that
 * ships inside spring-batch-core, so the metadata schema always matches the library version
 * and Flyway (not Boot's initializer, which skips PostgreSQL) owns it.
 */
public class BatchMetadataMigration implements JavaMigration {

    private static final String SCRIPT = "org/springframework/batch/core/schema-postgresql.sql";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "spring batch metadata";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        String script = readScript();
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("SET LOCAL search_path TO batch");
            for (String sql : SqlFiles.statements(script)) {
                statement.execute(sql);
            }
            // The shipped script has no indexes, and Spring Batch 6 queries these on every commit.
            statement.execute("CREATE INDEX batch_job_execution_instance_idx ON batch_job_execution (job_instance_id)");
            statement.execute("CREATE INDEX batch_step_execution_job_idx ON batch_step_execution (job_execution_id, step_name)");
            statement.execute("CREATE INDEX batch_job_execution_params_idx ON batch_job_execution_params (job_execution_id)");
            statement.execute("RESET search_path");
        }
    }

    private static String readScript() throws IOException {
        try (InputStream in = BatchMetadataMigration.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException(SCRIPT + " is missing from spring-batch-core");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
