package nl.helpline.warehouse.load;

import java.util.Map;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.warehouse.SqlFiles;

/**
 * The run's own check, after all files: every request whose newest version stands is in the
 * facts exactly once, in that version. A failure here fails the run loudly.
 */
final class RunReconciliationTasklet implements Tasklet {

    private final JdbcTemplate jdbc;

    RunReconciliationTasklet(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Map<String, Object> counts = jdbc.queryForMap(SqlFiles.load("queries/warehouse_invariants.sql"));
        long versions = ((Number) counts.get("current_versions")).longValue();
        long facts = ((Number) counts.get("facts")).longValue();
        long outOfStep = ((Number) counts.get("facts_out_of_step")).longValue();
        long orphans = ((Number) counts.get("orphans")).longValue();
        if (versions != facts || outOfStep != 0 || orphans != 0) {
            throw new IllegalStateException("Warehouse reconciliation failed: " + versions
                    + " requests have a current version but the facts hold " + facts + " rows, " + outOfStep
                    + " out of step, " + orphans + " fact or bridge rows point at missing members");
        }
        return RepeatStatus.FINISHED;
    }
}
