package nl.helpline.warehouse.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;

import nl.helpline.warehouse.release.ReleaseRefusedException;
import nl.helpline.warehouse.release.ReleaseService;
import nl.helpline.warehouse.report.Period;
import nl.helpline.warehouse.report.PublicationRegister;
import nl.helpline.warehouse.warehouse.WarehouseLock;

final class ReleaseCommand implements Command {

    @Override
    public String name() {
        return "release";
    }

    @Override
    public String summary() {
        return "release a period: publish it outside the organisation, protected against every earlier release";
    }

    @Override
    public String help() {
        return """
                Usage: helpline-warehouse release --period P [--definition NAME] [--out DIR] [database options]

                Releases period P of the definition jobs/reports/<NAME>.yml: writes
                DIR/<definition>-<P>.v<N>.nl.xlsx and .en.xlsx (each with its .cells.csv) and enters
                version N in the release register with the time, your user name, the files'
                hashes, the data state and the requests it counts. Unlike a draft (`report`), a
                release is protected against one joint model of everything released before —
                every definition, period and earlier version — and constrains every later report.
                Releasing a period again makes its next version: changed cells are marked [r].
                A release is never changed or overwritten.

                If no suppression pattern protects it, nothing is written: the message names the
                cells (never a count) and says whether a coarser period would work.

                  --period P         2024-H1, 2024-H2, 2024-Q2, 2024 or 2024-01-01..2024-03-31
                  --definition NAME  the report definition (default helpline)
                  --recode T[,T]     combine the small categories of tables T as the definition's
                                     `recode:` declares (a refusal says which would work)
                  --out DIR          where to write (default ./out)
                """ + WarehouseSession.DATABASE_HELP + """

                Exit codes: 0 released, 2 usage, 3 refused (nothing released; earlier releases stand), 4 warehouse busy.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(WarehouseSession.DATABASE_OPTIONS);
        valued.addAll(Set.of("period", "definition", "out", "recode"));
        Options options = Options.parse(name(), args, valued, Set.of());
        Period period;
        try {
            period = Period.parse(options.required("period"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String definition = options.string("definition", "helpline");
        List<String> recode = options.string("recode").map(r -> List.of(r.split(","))).orElse(List.of());
        Path outDir = options.folder("out", Path.of("out"));
        try (ConfigurableApplicationContext context = WarehouseSession.open(options, Map.of());
             WarehouseLock lock = WarehouseLock.acquire(context.getBean(DataSource.class))) {
            ReportCommand.requireData(context.getBean(DataSource.class), period);
            ReleaseService.Released released;
            try {
                released = context.getBean(ReleaseService.class).release(definition, period, recode, System.getProperty("user.name"), outDir);
            } catch (nl.helpline.warehouse.report.ReportDefinition.UnknownRecoding e) {
                throw new UsageException(e.getMessage());
            } catch (ReleaseRefusedException e) {
                err.println("Not released. " + e.getMessage());
                return ExitCode.FAILED;
            }
            out.printf("Released %s %s version %d (release %d): %d requests; %s%n", definition, period.label(), released.version(),
                    released.releaseId(), released.report().total(), ReportCommand.suppressed(released.report()));
            released.files().forEach(f -> out.println("  " + f));
            if (!released.linked().isEmpty()) {
                out.println("Protected together with: " + String.join(", ", released.linked()));
            }
            if (released.version() > 1) {
                if (released.revised().isEmpty()) {
                    out.println("No cell reads differently from the previous version.");
                } else {
                    out.println("Revised since the previous version ([r]):");
                    for (PublicationRegister.ChangedCell c : released.revised()) {
                        out.printf("  %s %s: %s -> %s%n", c.table(), c.category(), c.before(), c.now());
                    }
                }
            }
            return ExitCode.OK;
        }
    }
}
