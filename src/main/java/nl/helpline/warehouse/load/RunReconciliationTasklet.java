package nl.helpline.warehouse.load;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import nl.helpline.warehouse.verify.Findings;
import nl.helpline.warehouse.verify.WarehouseChecks;

/**
 * The run's own check, after all files: every request the run's files touched is in the facts
 * exactly once, in its newest version, with valid members, or absent if withdrawn. It reads the
 * touched requests (etl.run_touched, filled by each file's transaction) and nothing else, so an
 * empty inbox costs nothing and a small file little, however large the warehouse. Requests
 * touched by an earlier run that failed before its check are still listed, and checked here.
 * The whole warehouse is checked by {@code verify} and on the schedule's verify nights.
 * A failure here fails the run loudly, and the list stays for the next attempt.
 */
final class RunReconciliationTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RunReconciliationTasklet.class);

    private final WarehouseChecks checks;

    RunReconciliationTasklet(WarehouseChecks checks) {
        this.checks = checks;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        WarehouseChecks.Pending pending = checks.pending();
        if (pending.files() == 0 && pending.listed() == 0) {
            log.debug("No request was touched since the last check; nothing to reconcile");
            return RepeatStatus.FINISHED;
        }
        Findings findings;
        String checked;
        if (!pending.complete()) {
            checked = "checking the whole warehouse instead of the requests touched since the last check, whose list was lost";
            log.warn("The list of touched requests holds {} of the {} the loaded files wrote (PostgreSQL was restarted after "
                    + "a crash, which empties it); checking the whole warehouse instead", pending.listed(), pending.expected());
            findings = checks.everything();
        } else if (pending.cheaperToCheckEverything()) {
            checked = "checking the whole warehouse, as the run touched about as many requests as it holds";
            log.info("The run touched about as many requests as the warehouse holds ({} listed, {} held; a file as large as "
                    + "the warehouse lists none): checking the whole warehouse, which is cheaper", pending.listed(), pending.requestsEstimate());
            findings = checks.everything();
        } else {
            checked = "checking the requests touched since the last check";
            findings = checks.touched();
        }
        if (!findings.inOrder()) {
            throw new IllegalStateException("Warehouse reconciliation failed, " + checked + ": " + String.join("; ", findings.problems())
                    + ". Run `verify` for the whole warehouse.");
        }
        checks.forgetTouched();
        log.info("Reconciled {}", findings.summary());
        return RepeatStatus.FINISHED;
    }
}
