package nl.helpline.warehouse.release;

import nl.helpline.warehouse.report.ReportRefusedException;

/**
 * A release that cannot be protected against everything released before. Nothing was written or
 * registered; the earlier releases stand. The message names the cells, never a count.
 */
public class ReleaseRefusedException extends ReportRefusedException {

    ReleaseRefusedException(ReportRefusedException cause) {
        super(cause.getMessage(), cause.cells(), cause.alternatives());
    }
}
