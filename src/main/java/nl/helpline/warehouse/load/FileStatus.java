package nl.helpline.warehouse.load;

/** What became of a file found in the inbox; the names are those of etl.source_file and the summary. */
public enum FileStatus {
    LOADED, DUPLICATE, REJECTED, IGNORED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
