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
     * <p>A file is the unit of failure: whatever bytes it holds, reading it ends in rows (accepted
     * or rejected) or in a {@link FileRejectedException} whose reason names the file and, where it
     * applies, the line or sheet row and the column. The reader may have passed rows to the sink
     * before it finds that the file as a whole is unacceptable (a quote that swallowed records, a
     * broken sheet further down); the caller discards those rows when the file is rejected.
     * Exceptions thrown by the sink itself pass through unchanged.
     *
     * @throws FileRejectedException when the file as a whole is not a readable export (no header,
     *                               a required column missing, a repeated header, not a workbook,
     *                               a hostile workbook, a quote that swallowed records, …)
     * @throws IOException           only when the disk fails to give the file's bytes
     * @throws IllegalArgumentException when the file's name is not that of an export
     */
    public ReadResult read(Path file, RowSink sink) throws FileRejectedException, IOException {
        String type = type(file);
        if (type == null) {
            throw new IllegalArgumentException(Text.fileName(String.valueOf(file.getFileName()))
                    + " is not an export file (*.csv or *.xlsx)");
        }
        GuardedSink guarded = new GuardedSink(sink);
        try {
            return "csv".equals(type) ? csv.read(file, guarded) : xlsx.read(file, guarded);
        } catch (SinkFailure failure) {
            throw failure.getCause();
        } catch (RuntimeException e) {
            // A fault in a reader or a library it uses; the file is still only one file. The
            // exception's own message is not repeated: it may quote the file's content.
            throw new FileRejectedException(Text.fileName(file.getFileName().toString())
                    + ": the file could not be read (" + e.getClass().getSimpleName()
                    + " in the reader); please report this with the file", e);
        }
    }

    /** Marks an exception thrown by the caller's sink, so that it is never taken for a bad file. */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(RuntimeException cause) {
            super(null, cause, false, false);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    private record GuardedSink(RowSink sink) implements RowSink {
        @Override
        public void accept(ExportRow row) {
            try {
                sink.accept(row);
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        }

        @Override
        public void reject(RowReject reject) {
            try {
                sink.reject(reject);
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        }
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
