package nl.helpline.warehouse.cli;

/** Process exit codes, the same for every command (documented in the README). */
public final class ExitCode {

    /** Everything done; every row loaded (or superseded), every report written. */
    public static final int OK = 0;
    /** Done, but some rows or files were rejected (see the summary and etl.reject). */
    public static final int DONE_WITH_REJECTS = 1;
    /** The command line was wrong; nothing was done. */
    public static final int USAGE = 2;
    /** The run failed (database unreachable, reconciliation failed, audit failed...); run again once fixed. */
    public static final int FAILED = 3;
    /** Another run holds the warehouse; nothing was done. */
    public static final int BUSY = 4;

    private ExitCode() {
    }
}
