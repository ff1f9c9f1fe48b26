package nl.helpline.warehouse.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import nl.helpline.warehouse.load.LoadSummary;
import nl.helpline.warehouse.load.LoadSummaryWriter;

/**
 * Where a load's summary goes: the table to standard output, and with {@code --summary FILE} the
 * JSON to a file; with {@code --summary -} the JSON is standard output's only content and the
 * table goes to standard error, so {@code load --summary - | jq} works.
 */
record SummaryTarget(PrintStream screen, PrintStream jsonOut, Optional<Path> jsonFile) {

    static SummaryTarget of(Options options, PrintStream out, PrintStream err) {
        Optional<String> summary = options.string("summary");
        if (summary.isPresent() && summary.get().equals("-")) {
            return new SummaryTarget(err, out, Optional.empty());
        }
        Optional<Path> file = options.path("summary");
        if (file.isPresent() && Files.isDirectory(file.get())) {
            throw new UsageException("--summary " + file.get() + " is a folder; give a file name (or - for standard output)");
        }
        return new SummaryTarget(out, null, file);
    }

    void write(LoadSummary summary) throws IOException {
        LoadSummaryWriter.print(summary, screen);
        if (jsonOut != null) {
            LoadSummaryWriter.writeJson(summary, jsonOut);
            jsonOut.flush();
        }
        if (jsonFile.isPresent()) {
            LoadSummaryWriter.writeJson(summary, jsonFile.get());
        }
    }
}
