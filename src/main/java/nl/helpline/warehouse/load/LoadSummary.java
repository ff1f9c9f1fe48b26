package nl.helpline.warehouse.load;

import java.util.List;

/** Everything one load run did, entry by entry, with totals that reconcile. */
public record LoadSummary(long jobExecutionId, List<FileOutcome> files, Totals totals) {

    public LoadSummary {
        files = List.copyOf(files);
    }

    public static LoadSummary of(long jobExecutionId, List<FileOutcome> files) {
        return new LoadSummary(jobExecutionId, files, Totals.of(files));
    }

    /** Rows or files rejected, or a file that could not be archived: exit code 1. */
    public boolean anythingRejected() {
        return files.stream().anyMatch(FileOutcome::needsAttention);
    }

    public record Totals(long rowsRead, long loaded, long superseded, long rejected,
                         long filesLoaded, long filesDuplicate, long filesRejected, long filesIgnored, long filesWaiting) {

        static Totals of(List<FileOutcome> files) {
            long read = 0, loaded = 0, superseded = 0, rejected = 0;
            long[] byStatus = new long[FileStatus.values().length];
            for (FileOutcome f : files) {
                read += f.rowsRead();
                loaded += f.loaded();
                superseded += f.superseded();
                rejected += f.rejected();
                byStatus[f.status().ordinal()]++;
            }
            return new Totals(read, loaded, superseded, rejected,
                    byStatus[FileStatus.LOADED.ordinal()], byStatus[FileStatus.DUPLICATE.ordinal()],
                    byStatus[FileStatus.REJECTED.ordinal()], byStatus[FileStatus.IGNORED.ordinal()],
                    byStatus[FileStatus.WAITING.ordinal()]);
        }
    }
}
