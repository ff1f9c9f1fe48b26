package nl.helpline.warehouse.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import nl.helpline.warehouse.generate.ExportFormat;
import nl.helpline.warehouse.generate.ExportGenerator;
import nl.helpline.warehouse.generate.GeneratedExport;
import nl.helpline.warehouse.generate.GeneratedFile;
import nl.helpline.warehouse.generate.GeneratorSpec;

/** Synthetic exports per the contract; needs no warehouse. */
final class GenerateCommand implements Command {

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "write synthetic export files that follow the contract";
    }

    @Override
    public String help() {
        return """
                Usage: helpline-warehouse generate --requests N --from DATE --to DATE --out DIR
                                                   [--seed S] [--format csv|xlsx] [--files F] [--bad-rows RATE]

                Writes export files with the infographic's proportions, several versions of some
                requests spread over the files (some delivered out of order), fake personal data in
                the personal columns, and optionally bad rows. The same options and seed always give
                the same bytes.

                  --requests N      how many requests (at most 10,000,000; about 600 bytes each)
                  --from, --to      the range of Datum binnenkomst, e.g. 2024-01-01
                  --out DIR         where to write the files
                  --seed S          default 42
                  --format F        csv (default) or xlsx
                  --files F         how many export files the versions are spread over (default 3)
                  --bad-rows RATE   share of extra rows that break a contract rule (default 0, e.g. 0.01)
                """;
    }

    /**
     * Measured with the generator: 1,000,000 requests give 1.29 M rows and 486 MB of CSV (an XLSX
     * takes less on disk, but its writer spools the sheet first); with margin.
     */
    static final long BYTES_PER_REQUEST = 600;
    /** Ten times the benchmark: more is no test file, it is a full disk. */
    static final long MAX_REQUESTS = 10_000_000;

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args,
                Set.of("requests", "from", "to", "out", "seed", "format", "files", "bad-rows"), Set.of());
        if (options.string("requests").isEmpty()) {
            throw new UsageException("'generate' needs --requests N");
        }
        long requests = options.number("requests", -1);
        if (requests < 0 || requests > MAX_REQUESTS) {
            throw new UsageException("--requests must be from 0 to " + String.format("%,d", MAX_REQUESTS) + ", not " + requests);
        }
        LocalDate from = options.date("from");
        LocalDate to = options.date("to");
        if (to.isBefore(from)) {
            throw new UsageException("--to is before --from");
        }
        Path outDir = options.folder("out", null);
        if (outDir == null) {
            throw new UsageException("'generate' needs --out");
        }
        ExportFormat format = switch (options.string("format", "csv")) {
            case "csv" -> ExportFormat.CSV;
            case "xlsx" -> ExportFormat.XLSX;
            default -> throw new UsageException("--format is csv or xlsx");
        };
        double badRows;
        try {
            badRows = Double.parseDouble(options.string("bad-rows", "0"));
        } catch (NumberFormatException e) {
            throw new UsageException("--bad-rows is a share such as 0.01");
        }
        if (!(badRows >= 0 && badRows < 1)) {
            throw new UsageException("--bad-rows is a share from 0 to below 1, such as 0.01, not " + options.string("bad-rows", "0"));
        }
        int files = (int) options.positive("files", GeneratorSpec.DEFAULT_FILES, 1000);
        checkSpace(outDir, requests, badRows, files);
        GeneratorSpec spec;
        try {
            spec = GeneratorSpec.of(requests, from, to)
                    .withSeed(options.number("seed", GeneratorSpec.DEFAULT_SEED))
                    .withFormat(format)
                    .withFiles(files)
                    .withBadRowRate(badRows);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        GeneratedExport export = ExportGenerator.generate(spec, outDir);
        for (GeneratedFile file : export.files()) {
            out.println("wrote " + file.path());
        }
        out.printf("%,d requests in %,d rows (%,d superseded versions, %,d bad rows) in %d files%n",
                requests, export.rows(), export.supersededRows(), export.badRows(), export.files().size());
        return ExitCode.OK;
    }

    /** Refuses what could not be written: the estimate against the free space where it would go. */
    private static void checkSpace(Path outDir, long requests, double badRows, int files) throws java.io.IOException {
        Path existing = outDir.toAbsolutePath();
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null) {
            checkSpace(existing, requests, badRows, files, java.nio.file.Files.getFileStore(existing).getUsableSpace());
        }
    }

    static void checkSpace(Path where, long requests, double badRows, int files, long freeBytes) {
        long estimate = (long) (requests * BYTES_PER_REQUEST * (1 + badRows)) + files * 4096L;
        if (estimate > freeBytes) {
            throw new UsageException(String.format("%,d requests need about %,d MB, but %s has %,d MB free; ask for fewer",
                    requests, estimate >> 20, where, freeBytes >> 20));
        }
    }
}
