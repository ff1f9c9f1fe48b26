package nl.helpline.warehouse.generate;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One file written, with what is in it.
 *
 * @param rows           data rows, header excluded: valid rows plus bad rows
 * @param badRows        rows that break the contract (a correct reader rejects exactly these)
 * @param supersededRows valid rows that are not their request's latest version
 * @param lateRows       valid rows delivered after a newer version of the same request (earlier in
 *                       this file or in an earlier file): they must not overwrite it
 * @param badRowsByKind  badRows split by kind; every kind present, zeros included
 * @param bytes          file size
 */
public record GeneratedFile(
        Path path,
        ExportFormat format,
        long rows,
        long badRows,
        long supersededRows,
        long lateRows,
        Map<BadRowKind, Long> badRowsByKind,
        long bytes) {

    public GeneratedFile {
        badRowsByKind = Collections.unmodifiableMap(new EnumMap<>(badRowsByKind));
    }

    /** Rows a correct reader accepts. */
    public long validRows() {
        return rows - badRows;
    }
}
