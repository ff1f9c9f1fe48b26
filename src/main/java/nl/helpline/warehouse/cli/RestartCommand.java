package nl.helpline.warehouse.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;

import nl.helpline.warehouse.schedule.NightlyRunner;
import nl.helpline.warehouse.warehouse.WarehouseLock;

final class RestartCommand implements Command {

    @Override
    public String name() {
        return "restart";
    }

    @Override
    public String summary() {
        return "resume the last nightly run that failed or was killed";
    }

    @Override
    public String help() {
        return """
                Usage: helpline-warehouse restart [database options]

                Resumes the newest nightly run that did not complete, from the step where it stopped.
                A run left "STARTED" by a process that was killed is recognised (nobody holds the
                warehouse lock) and recovered first, instead of blocking later runs.
                """ + WarehouseSession.DATABASE_HELP + """

                Exit codes: as for run; 0 also when there is nothing to restart.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, WarehouseSession.DATABASE_OPTIONS, Set.of());
        try (ConfigurableApplicationContext context = WarehouseSession.open(options, Map.of());
             WarehouseLock lock = WarehouseLock.acquire(context.getBean(DataSource.class))) {
            Optional<NightlyRunner.NightResult> result = context.getBean(NightlyRunner.class).restartLast();
            if (result.isEmpty()) {
                out.println("Nothing to restart: the last nightly run completed.");
                return ExitCode.OK;
            }
            return RunCommand.report(result.get(), options, out, err);
        }
    }
}
