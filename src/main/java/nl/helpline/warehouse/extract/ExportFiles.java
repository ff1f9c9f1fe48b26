package nl.helpline.warehouse.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the case system's nightly export files (the export contract) into contract-coded rows.
 *
 * <p>Each file streams: rows go to the sink as they are read, so a file of any size needs the
 * same memory. Valid rows become {@link ExportRow}s, invalid rows exactly one {@link RowReject}
 * each; personal-data columns are never read. An instance holds only immutable configuration and
 * may read several files at once.
 */
public final class ExportFiles {

    private final CsvExportReader csv;
    private final XlsxExportReader xlsx;

    /**
     * @throws IllegalArgumentException when the mapping lacks a field the contract codes
     */
    public ExportFiles(ValueMapping mapping) {
        RowValidator.requireFields(mapping);
        this.csv = new CsvExportReader(mapping);
        this.xlsx = new XlsxExportReader(mapping);
    }

    /** Whether the file's name makes it an export: {@code *.csv} or {@code *.xlsx}, any case. */
    public static boolean isExport(Path file) {
        return type(file) != null;
    }

    /**
     * Reads one export file, passing every data row to the sink as an accepted row or a reject.
     *
     * @throws FileRejectedException when the file as a whole is not a readable export (no header,
     *                               a required column missing, a repeated header, not a workbook)
     * @throws IllegalArgumentException when the file's name is not that of an export
     */
    public ReadResult read(Path file, RowSink sink) throws FileRejectedException, IOException {
        String type = type(file);
        if ("csv".equals(type)) {
            return csv.read(file, sink);
        }
        if ("xlsx".equals(type)) {
            return xlsx.read(file, sink);
        }
        throw new IllegalArgumentException(file.getFileName() + " is not an export file (*.csv or *.xlsx)");
    }

    private static String type(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return null;
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return "csv";
        }
        if (lower.endsWith(".xlsx")) {
            return "xlsx";
        }
        return null;
    }
}
