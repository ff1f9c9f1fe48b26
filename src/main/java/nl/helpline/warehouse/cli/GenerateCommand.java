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

                  --requests N      how many requests
                  --from, --to      the range of Datum binnenkomst, e.g. 2024-01-01
                  --out DIR         where to write the files
                  --seed S          default 42
                  --format F        csv (default) or xlsx
                  --files F         how many export files the versions are spread over (default 3)
                  --bad-rows RATE   share of extra rows that break a contract rule (default 0, e.g. 0.01)
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args,
                Set.of("requests", "from", "to", "out", "seed", "format", "files", "bad-rows"), Set.of());
        long requests = options.number("requests", -1);
        if (requests < 0) {
            throw new UsageException("'generate' needs --requests N");
        }
        LocalDate from = options.date("from");
        LocalDate to = options.date("to");
        if (to.isBefore(from)) {
            throw new UsageException("--to is before --from");
        }
        Path outDir = Path.of(options.required("out"));
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
        GeneratorSpec spec = GeneratorSpec.of(requests, from, to)
                .withSeed(options.number("seed", GeneratorSpec.DEFAULT_SEED))
                .withFormat(format)
                .withFiles((int) options.number("files", GeneratorSpec.DEFAULT_FILES))
                .withBadRowRate(badRows);
        GeneratedExport export = ExportGenerator.generate(spec, outDir);
        for (GeneratedFile file : export.files()) {
            out.println("wrote " + file.path());
        }
        out.printf("%,d requests in %,d rows (%,d superseded versions, %,d bad rows) in %d files%n",
                requests, export.rows(), export.supersededRows(), export.badRows(), export.files().size());
        return ExitCode.OK;
    }
}
