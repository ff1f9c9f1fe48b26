package nl.helpline.warehouse.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.load.LoadSummaryWriter;
import nl.helpline.warehouse.schedule.NightlyRunner;
import nl.helpline.warehouse.schedule.ScheduleSettings;
import nl.helpline.warehouse.warehouse.PseudonymKeyCheck;
import nl.helpline.warehouse.warehouse.Pseudonymizer;
import nl.helpline.warehouse.warehouse.WarehouseLock;

/** The nightly job, once. */
final class RunCommand implements Command {

    static final Set<String> OPTIONS = Set.of("inbox", "out", "summary", "night", "settle");

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "the nightly job: load the inbox, write the reports that are due, purge, summarise";
    }

    @Override
    public String help() {
        return """
                Usage: helpline-warehouse run [--inbox DIR] [--out DIR] [--night DATE] [--summary FILE|-] [--example] [database options]

                One nightly run as one Spring Batch job: load every export in the inbox, write the
                reports that are due into the outbox (each night the current half-year and year of
                every definition in jobs/schedule.yml; a closed half-year or year once more when its
                grace period has passed), purge what is older than the retention period, and print
                one summary. A night whose run failed is resumed where it stopped when run again.

                  --inbox DIR      the inbox (default ./inbox)
                  --out DIR        the outbox for reports (default ./out)
                  --night DATE     the night this run belongs to (default today, in the schedule's zone)
                  --summary FILE   also write the load summary as JSON; "-" writes it to standard
                                   output (everything else then goes to standard error)
                  --example        first copy the committed example exports into the inbox
                """ + WarehouseSession.SETTLE_HELP + WarehouseSession.DATABASE_HELP + """

                Exit codes: 0 done, 1 done but rows, files or reports rejected, 2 usage, 3 failed
                (run it again, or `restart`, once the cause is fixed), 4 another run holds the warehouse.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(WarehouseSession.DATABASE_OPTIONS);
        valued.addAll(OPTIONS);
        Options options = Options.parse(name(), args, valued, Set.of("example"));
        Path inbox = options.folder("inbox", Path.of("inbox"));
        options.folder("out", Path.of("out"));
        night(options);
        SummaryTarget summary = SummaryTarget.of(options, out, err);
        Map<String, Object> properties = WarehouseSession.inboxProperties(options);
        if (options.flag("example")) {
            LoadCommand.copyExample(inbox, summary.screen());
        }
        Files.createDirectories(inbox);
        try (ConfigurableApplicationContext context = WarehouseSession.open(options, properties)) {
            return once(context, options, inbox, out, err);
        }
    }

    /** The night given, checked before anything is done; empty: today's. */
    static java.util.Optional<LocalDate> night(Options options) {
        try {
            return options.string("night").map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw new UsageException("--night must be a date like 2024-05-14, not '" + options.string("night").get() + "'");
        }
    }

    /** One run inside an open warehouse; shared with the scheduler. */
    static int once(ConfigurableApplicationContext context, Options options, Path inbox, PrintStream out, PrintStream err)
            throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        PseudonymKeyCheck.verify(new JdbcTemplate(dataSource), context.getBean(Pseudonymizer.class));
        LocalDate night = night(options).orElse(LocalDate.now(context.getBean(ScheduleSettings.class).zone()));
        Path outbox = options.folder("out", Path.of("out"));
        try (WarehouseLock lock = WarehouseLock.acquire(dataSource)) {
            NightlyRunner.NightResult result = context.getBean(NightlyRunner.class).run(night, inbox, outbox);
            return report(result, options, out, err);
        }
    }

    static int report(NightlyRunner.NightResult result, Options options, PrintStream out, PrintStream err) throws Exception {
        SummaryTarget summary = SummaryTarget.of(options, out, err);
        PrintStream screen = summary.screen();
        screen.printf("%nNight %s, run %d%s: %s%n", result.night(), result.jobExecutionId(), result.resumed() ? " (resumed)" : "", result.status());
        summary.write(result.load());
        if (!result.reportsWritten().isEmpty()) {
            screen.println("reports: " + result.reportsWritten());
        }
        if (!result.reportsRefused().isEmpty()) {
            screen.println("reports NOT written (cannot be protected with the data of the period): " + result.reportsRefused());
        }
        if (!result.purged().isEmpty()) {
            screen.println("purged: " + result.purged());
        }
        if (!result.completed()) {
            err.println("The run failed: " + result.failure());
            err.println("Everything committed before the failure stays; run again (or `restart`) to resume this night.");
            return ExitCode.FAILED;
        }
        return result.load().anythingRejected() || !result.reportsRefused().isEmpty() ? ExitCode.DONE_WITH_REJECTS : ExitCode.OK;
    }
}
