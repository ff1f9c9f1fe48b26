package nl.helpline.warehouse.load;

import java.util.List;

/**
 * One inbox entry of a run, as the summary reports it. {@code rowsRead = loaded + superseded +
 * rejected} always holds; the load refuses to commit a file for which it does not.
 *
 * @param name           the name as found, escaped (see {@link FileNames#display})
 * @param sha256         of exactly the bytes read; null for an entry that was not read
 * @param reason         why a whole file was rejected, ignored, left waiting or not counted, else null
 * @param rejects        the first rejected rows (at most {@link LoadRunner#REJECTS_PER_FILE}); all of them are in etl.reject
 * @param archivedTo     where the file was archived, or null
 * @param archiveProblem the file was dealt with but could not be archived or removed from the inbox: why; else null
 */
public record FileOutcome(
        String name,
        String sha256,
        FileStatus status,
        long rowsRead,
        long loaded,
        long superseded,
        long rejected,
        long professionalsWithoutWorkDomain,
        String reason,
        List<String> ignoredColumns,
        List<RejectLine> rejects,
        String archivedTo,
        String archiveProblem) {

    public FileOutcome {
        ignoredColumns = ignoredColumns == null ? List.of() : List.copyOf(ignoredColumns);
        rejects = rejects == null ? List.of() : List.copyOf(rejects);
    }

    /** Rejected rows not listed in {@link #rejects()} (they are all in etl.reject). */
    public long rejectsNotListed() {
        return Math.max(0, rejected - rejects.size());
    }

    /** Whether this entry needs someone to look at it: the run then ends with exit code 1. */
    public boolean needsAttention() {
        return status == FileStatus.REJECTED || rejected > 0 || archiveProblem != null;
    }

    /** A rejected row: where it is and why, never what personal data it held. */
    public record RejectLine(long line, String column, String reason) {
    }
}
