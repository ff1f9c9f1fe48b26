package nl.helpline.warehouse.load;

/** What became of an entry found in the inbox; the names are those of etl.source_file and the summary. */
public enum FileStatus {
    /** Read and committed (its rows loaded, superseded or rejected); archived in processed/. */
    LOADED,
    /** The same bytes were loaded before; not counted again; archived in processed/. */
    DUPLICATE,
    /** Not loaded: not readable as an export, not a regular file, too big; moved to rejected/ with a reason. */
    REJECTED,
    /** Not an export (name, hidden, a folder that is no export); left where it is. */
    IGNORED,
    /** Still being written (it changed while the load looked at it); left for the next run. */
    WAITING;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
