package nl.helpline.warehouse.generate;

/** The two file formats the contract allows. */
public enum ExportFormat {
    CSV("csv"),
    XLSX("xlsx");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /** Without the dot. */
    public String extension() {
        return extension;
    }
}
