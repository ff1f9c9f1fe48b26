package nl.helpline.warehouse.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.load.LoadRunner;
import nl.helpline.warehouse.load.LoadSummaryWriter;
import nl.helpline.warehouse.warehouse.PseudonymKeyCheck;
import nl.helpline.warehouse.warehouse.Pseudonymizer;
import nl.helpline.warehouse.warehouse.WarehouseLock;

final class LoadCommand implements Command {

    static final Path EXAMPLE_INBOX = Path.of("jobs", "example-inbox");

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String summary() {
        return "load the export files of an inbox into the warehouse";
    }

    @Override
    public String help() {
        return """
                Usage: helpline-warehouse load [--inbox DIR] [--summary FILE|-] [--reprocess NAME] [--example] [database options]

                Loads every *.csv and *.xlsx export in the inbox into the warehouse, one file at a
                time: the newest version of each request wins, rejected rows are recorded with file,
                line, column and reason, and every file reconciles (read = loaded + superseded +
                rejected). Loaded files move to DIR/processed/, rejected files to DIR/rejected/ with a
                .reason.txt; every other entry stays and is reported (ignored, or waiting when it was
                still being written). Running it again on the same files changes nothing.

                  --inbox DIR      the inbox (default ./inbox)
                  --summary FILE   also write the run summary as JSON to FILE; with "-" the JSON goes
                                   to standard output (the table then goes to standard error)
                  --reprocess NAME put the archived file NAME (as the summary named it) back into
                                   the inbox and read it again although its bytes loaded before:
                                   rows that loaded count as superseded, rows rejected before may
                                   load now (after jobs/mappings.yml was fixed, say)
                  --example        first copy the committed example exports (jobs/example-inbox) into
                                   the inbox, leaving the committed files untouched
                """ + WarehouseSession.SETTLE_HELP + WarehouseSession.DATABASE_HELP + """

                Exit codes: 0 all loaded, 1 loaded but rows or files rejected (or a file could not be
                archived), 2 usage, 3 failed, 4 another run holds the warehouse.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(WarehouseSession.DATABASE_OPTIONS);
        valued.addAll(Set.of("inbox", "summary", "reprocess", "settle"));
        Options options = Options.parse(name(), args, valued, Set.of("example"));
        Path inbox = options.folder("inbox", Path.of("inbox"));
        Map<String, Object> properties = WarehouseSession.inboxProperties(options);
        SummaryTarget summary = SummaryTarget.of(options, out, err);
        if (options.flag("example")) {
            copyExample(inbox, summary.screen());
        }
        if (!Files.isDirectory(inbox)) {
            throw new UsageException("The inbox " + inbox.toAbsolutePath() + " does not exist (or use --example)");
        }
        try (ConfigurableApplicationContext context = WarehouseSession.open(options, properties)) {
            DataSource dataSource = context.getBean(DataSource.class);
            PseudonymKeyCheck.verify(new JdbcTemplate(dataSource), context.getBean(Pseudonymizer.class));
            try (WarehouseLock lock = WarehouseLock.acquire(dataSource)) {
                LoadRunner runner = context.getBean(LoadRunner.class);
                Set<String> reprocess = new HashSet<>();
                if (options.string("reprocess").isPresent()) {
                    try {
                        reprocess.add(runner.putBack(inbox, options.string("reprocess").get()));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--reprocess: " + e.getMessage());
                    }
                    summary.screen().println("Put " + options.string("reprocess").get() + " back into the inbox to be read again");
                }
                LoadRunner.LoadResult result = runner.load(inbox, reprocess);
                summary.write(result.summary());
                if (!result.completed()) {
                    err.println("The load failed: " + result.failure());
                    err.println("Files committed before the failure stay loaded; run the same command again to finish.");
                    return ExitCode.FAILED;
                }
                return result.summary().anythingRejected() ? ExitCode.DONE_WITH_REJECTS : ExitCode.OK;
            }
        }
    }

    static void copyExample(Path inbox, PrintStream out) throws IOException {
        if (!Files.isDirectory(EXAMPLE_INBOX)) {
            throw new UsageException("--example needs the folder " + EXAMPLE_INBOX + " (run from the project's root)");
        }
        Files.createDirectories(inbox);
        try (Stream<Path> files = Files.list(EXAMPLE_INBOX)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Files.copy(file, inbox.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        out.println("Copied the example exports from " + EXAMPLE_INBOX + " into " + inbox);
    }
}
