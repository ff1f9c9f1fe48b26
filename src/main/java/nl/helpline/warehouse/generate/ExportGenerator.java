package nl.helpline.warehouse.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Writes synthetic export files that follow the export contract, and tells what a correct
 * warehouse must make of them.
 *
 * <p>Everything about request {@code i} is derived from {@code (seed, i)} alone, so the files are
 * written in one streaming pass with all files open at once, and the truth is recomputed on demand
 * instead of kept: a million requests need no more memory than ten.
 *
 * <p>Files are named {@code export-<to>-<nnn>.<csv|xlsx>}: all carry the export day (the
 * spec's {@code to}), and the sequence number gives the delivery order. Each is written under a
 * {@code .part} name and renamed when complete, so an inbox never shows half a file. Existing
 * files are never overwritten.
 */
public final class ExportGenerator {

    /**
     * Every generated name, e-mail address and {@code Toelichting} contains one of these strings
     * (case-insensitively). None may ever appear in anything the warehouse stores, logs or reports.
     */
    public static final List<String> PERSONAL_MARKERS = PersonalData.SURNAMES;

    /** Every generated phone number matches this; none may appear in the warehouse's output either. */
    public static final Pattern PHONE_PATTERN = PersonalData.PHONE;

    private ExportGenerator() {
    }

    /** The file names {@link #generate} writes for this spec, in delivery order. */
    public static List<String> fileNames(GeneratorSpec spec) {
        List<String> names = new ArrayList<>(spec.files());
        for (int f = 0; f < spec.files(); f++) {
            names.add(String.format(Locale.ROOT, "export-%s-%03d.%s", spec.to(), f + 1, spec.formatOf(f).extension()));
        }
        return names;
    }

    /** Every request's final state, recomputed from the spec, in request-number order. */
    public static Stream<GeneratedRequest> truth(GeneratorSpec spec) {
        Planner planner = new Planner(spec);
        return LongStream.range(0, spec.requests()).mapToObj(i -> planner.plan(i).truth());
    }

    /** The final state of request {@code index} (0-based, below {@code spec.requests()}). */
    public static GeneratedRequest truth(GeneratorSpec spec, long index) {
        if (index < 0 || index >= spec.requests()) {
            throw new IndexOutOfBoundsException("request " + index + " of " + spec.requests());
        }
        return new Planner(spec).plan(index).truth();
    }

    /**
     * Writes the export files into {@code outDir} (created if needed).
     *
     * @throws FileAlreadyExistsException if one of the files already exists; nothing is written then
     */
    public static GeneratedExport generate(GeneratorSpec spec, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        List<String> names = fileNames(spec);
        for (String name : names) {
            if (Files.exists(outDir.resolve(name))) {
                throw new FileAlreadyExistsException(outDir.resolve(name).toString());
            }
        }
        Planner planner = new Planner(spec);
        Renderer renderer = new Renderer();
        BadRows badRows = new BadRows(spec, planner, renderer);
        List<OpenFile> files = new ArrayList<>(spec.files());
        boolean complete = false;
        try {
            for (int f = 0; f < spec.files(); f++) {
                files.add(new OpenFile(spec, f, outDir.resolve(names.get(f))));
            }
            long badIndex = 0;
            for (long i = 0; i < spec.requests(); i++) {
                RequestPlan plan = planner.plan(i);
                int latest = plan.versions().size() - 1;
                Rng rng = new Rng(spec.seed(), i, Rng.Stream.RENDER);
                PersonalData personal = PersonalData.draw(rng, plan.versions().get(0).channel());
                int newestDelivered = -1;
                for (Placement placement : planner.place(plan)) {
                    OpenFile file = files.get(placement.file());
                    Version version = plan.versions().get(placement.version());
                    file.write(renderer.render(plan.requestNumber(), plan.received(), version, personal, rng), i);
                    if (placement.version() != latest) {
                        file.superseded++;
                    }
                    if (placement.version() < newestDelivered) {
                        file.late++;
                    }
                    newestDelivered = Math.max(newestDelivered, placement.version());
                    if (rng.chance(spec.badRowRate())) {
                        BadRows.BadRow bad = badRows.make(badIndex, plan.received());
                        file.write(bad.cells(), spec.requests() + badIndex);
                        file.badByKind.merge(bad.kind(), 1L, Long::sum);
                        badIndex++;
                    }
                }
            }
            List<GeneratedFile> written = new ArrayList<>(files.size());
            for (OpenFile file : files) {
                written.add(file.finish());
            }
            complete = true;
            return new GeneratedExport(spec, written);
        } finally {
            if (!complete) {
                for (OpenFile file : files) {
                    file.abandon();
                }
            }
        }
    }

    /** A file being written, with its running counts. */
    private static final class OpenFile {

        private final Path target;
        private final Path part;
        private final ExportFormat format;
        private final FileLayout layout;
        private final RowWriter writer;
        private final Map<BadRowKind, Long> badByKind = new EnumMap<>(BadRowKind.class);
        private long rows;
        private long superseded;
        private long late;
        private boolean closed;
        private boolean moved;

        OpenFile(GeneratorSpec spec, int index, Path target) throws IOException {
            this.target = target;
            this.part = target.resolveSibling(target.getFileName() + ".part");
            this.format = spec.formatOf(index);
            this.layout = FileLayout.of(spec, index);
            for (BadRowKind kind : BadRowKind.values()) {
                badByKind.put(kind, 0L);
            }
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(part,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 1 << 16);
            try {
                this.writer = format == ExportFormat.CSV ? new CsvRowWriter(out, spec.dialectOf(index))
                        : new XlsxRowWriter(out, spec.to());
                writer.header(layout.headers());
            } catch (IOException | RuntimeException e) {
                out.close();
                Files.deleteIfExists(part);
                throw e;
            }
        }

        void write(Value[] cells, long rowKey) throws IOException {
            writer.row(layout.arrange(cells, rowKey));
            rows++;
        }

        GeneratedFile finish() throws IOException {
            closed = true;
            writer.close();
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            long bad = badByKind.values().stream().mapToLong(Long::longValue).sum();
            return new GeneratedFile(target, format, rows, bad, superseded, late, badByKind, Files.size(target));
        }

        void abandon() {
            try {
                if (!closed) {
                    writer.close();
                }
            } catch (IOException | RuntimeException e) {
                // the file is being thrown away; the original failure is what matters
            }
            try {
                Files.deleteIfExists(moved ? target : part);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
