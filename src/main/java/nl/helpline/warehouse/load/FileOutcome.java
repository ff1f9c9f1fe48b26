package nl.helpline.warehouse.load;

import java.util.List;

/**
 * One file of a run, as the summary reports it. {@code rowsRead = loaded + superseded + rejected}
 * always holds; the load refuses to commit a file for which it does not.
 *
 * @param reason why a whole file was rejected or ignored, else null
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
        List<RejectLine> rejects) {

    public FileOutcome {
        ignoredColumns = ignoredColumns == null ? List.of() : List.copyOf(ignoredColumns);
        rejects = rejects == null ? List.of() : List.copyOf(rejects);
    }

    /** A rejected row: where it is and why, never what personal data it held. */
    public record RejectLine(long line, String column, String reason) {
    }
}
