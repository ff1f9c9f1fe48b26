package nl.helpline.warehouse.generate;

import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * The files one {@link ExportGenerator#generate} call wrote, in delivery order, and the truth
 * they add up to.
 */
public record GeneratedExport(GeneratorSpec spec, List<GeneratedFile> files) {

    public GeneratedExport {
        files = List.copyOf(files);
    }

    /** Every request's final state, recomputed from the spec (nothing is kept in memory). */
    public Stream<GeneratedRequest> truth() {
        return ExportGenerator.truth(spec);
    }

    public long rows() {
        return sum(GeneratedFile::rows);
    }

    public long badRows() {
        return sum(GeneratedFile::badRows);
    }

    public long supersededRows() {
        return sum(GeneratedFile::supersededRows);
    }

    public long lateRows() {
        return sum(GeneratedFile::lateRows);
    }

    public long bytes() {
        return sum(GeneratedFile::bytes);
    }

    /** Rows a correct reader accepts: one latest row per request plus the superseded ones. */
    public long validRows() {
        return rows() - badRows();
    }

    private long sum(ToLongFunction<GeneratedFile> field) {
        return files.stream().mapToLong(field).sum();
    }
}
