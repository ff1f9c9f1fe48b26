package nl.helpline.warehouse.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.report.ReportRefusedException;
import nl.helpline.warehouse.report.Period;
import nl.helpline.warehouse.report.ProtectedReport;
import nl.helpline.warehouse.report.PublicationRegister;
import nl.helpline.warehouse.report.ReportService;
import nl.helpline.warehouse.warehouse.SqlFiles;
import nl.helpline.warehouse.warehouse.WarehouseLock;

final class ReportCommand implements Command {

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "write a period report (xlsx + cells.csv) with small counts suppressed";
    }

    @Override
    public String help() {
        return """
                Usage: helpline-warehouse report --period P [--definition NAME] [--lang nl|en] [--out DIR] [database options]

                Writes DIR/<definition>-<P>.xlsx and DIR/<definition>-<P>.cells.csv for the requests
                received in period P (and closed), as the definition jobs/reports/<NAME>.yml says.
                Counts from 1 to 4 are shown as "< 5", and more cells as "[c]" until no small count
                can be worked out from the workbook or from earlier publications; an independent
                exact audit must pass or nothing is written. Every report is entered in the
                publication register; writing a period again lists the cells that changed since.

                  --period P         2024-H1, 2024-H2, 2024-Q2, 2024 or 2024-01-01..2024-03-31
                  --definition NAME  the report definition (default helpline)
                  --recode T[,T]     combine the small categories of tables T as the definition's
                                     `recode:` declares (a refusal says which would work)
                  --lang nl|en       labels in Dutch (default: the definition's) or English
                  --out DIR          where to write (default ./out)
                """ + WarehouseSession.DATABASE_HELP + """

                Exit codes: 0 written, 2 usage, 3 failed (audit failed: nothing written), 4 warehouse busy.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(WarehouseSession.DATABASE_OPTIONS);
        valued.addAll(Set.of("period", "definition", "lang", "out", "recode"));
        Options options = Options.parse(name(), args, valued, Set.of());
        Period period;
        try {
            period = Period.parse(options.required("period"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String language = options.string("lang").orElse(null);
        if (language != null && !language.equals("nl") && !language.equals("en")) {
            throw new UsageException("--lang is nl or en, not '" + language + "'");
        }
        String definition = options.string("definition", "helpline");
        List<String> recode = options.string("recode").map(r -> List.of(r.split(","))).orElse(List.of());
        Path outDir = options.folder("out", Path.of("out"));
        try (ConfigurableApplicationContext context = WarehouseSession.open(options, Map.of());
             WarehouseLock lock = WarehouseLock.acquire(context.getBean(DataSource.class))) {
            requireData(context.getBean(DataSource.class), period);
            ReportService.Written written;
            try {
                written = context.getBean(ReportService.class).write(definition, period, language, recode, outDir);
            } catch (nl.helpline.warehouse.report.ReportDefinition.UnknownRecoding e) {
                throw new UsageException(e.getMessage());
            } catch (ReportRefusedException e) {
                err.println("No report was written. " + e.getMessage());
                return ExitCode.FAILED;
            }
            print(written, out);
            return ExitCode.OK;
        }
    }

    /**
     * A period that ends before the first request the warehouse holds, or starts after the last,
     * has nothing to report: an empty report would be written and registered as a publication.
     */
    static void requireData(DataSource dataSource, Period period) {
        Map<String, Object> range = new JdbcTemplate(dataSource).queryForMap(SqlFiles.load("queries/received_date_range.sql"));
        java.sql.Date first = (java.sql.Date) range.get("first_received");
        java.sql.Date last = (java.sql.Date) range.get("last_received");
        if (first == null) {
            throw new UsageException("The warehouse holds no requests yet; load exports before writing a report");
        }
        if (period.end().isBefore(first.toLocalDate()) || period.start().isAfter(last.toLocalDate())) {
            throw new UsageException("Period " + period.label() + " (" + period.start() + " to " + period.end()
                    + ") lies outside the warehouse's data: it holds requests received from " + first + " to " + last);
        }
    }

    /**
     * How many cells are suppressed, never what they count: the sum of withheld counts beside the
     * published total would narrow them (2 cells, 10 counted, 1 secondary of 7: the other is 3).
     */
    static String suppressed(ProtectedReport report) {
        return report.informationLoss().suppressedCells() + " cells suppressed, of which "
                + report.informationLoss().secondaryCells() + " to protect others";
    }

    static void print(ReportService.Written written, PrintStream out) {
        ProtectedReport report = written.report();
        out.printf("Wrote the draft %s and %s (a draft: it must not leave the organisation; `release` publishes)%n",
                written.workbook(), written.cells());
        out.printf("Period %s (%s to %s): %d requests; %s%n", report.period().label(), report.period().start(),
                report.period().end(), report.total(), suppressed(report));
        out.println("Audit: " + report.audit().summary());
        if (!report.linkedPublications().isEmpty()) {
            out.println("Protected together with the releases: " + String.join(", ", report.linkedPublications()));
        }
        if (!written.firstPublication()) {
            if (written.changes().isEmpty()) {
                out.println("No published cell changed since the previous publication of this period.");
            } else {
                out.println("Changed since the previous publication of this period (late corrections):");
                for (PublicationRegister.ChangedCell c : written.changes()) {
                    out.printf("  %s %s: %s -> %s%n", c.table(), c.category(), c.before(), c.now());
                }
            }
        }
    }
}
