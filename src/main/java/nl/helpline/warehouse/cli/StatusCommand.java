package nl.helpline.warehouse.cli;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

import nl.helpline.warehouse.schedule.RunHistory;

final class StatusCommand implements Command {

    private static final int MAX_RUNS = 10_000;

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "the last runs: when, how long, outcome, files, rows, reports";
    }

    @Override
    public String help() {
        return """
                Usage: helpline-warehouse status [--last N] [--json] [database options]

                The newest runs (nightly and load), newest first, from the Spring Batch job
                repository and the lineage tables. --json prints {"runs":[…]} for machines, on
                standard output (log lines go to standard error). --last N: 1 to 10000, default 10.
                """ + WarehouseSession.DATABASE_HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(WarehouseSession.DATABASE_OPTIONS);
        valued.add("last");
        Options options = Options.parse(name(), args, valued, Set.of("json"));
        int last = (int) options.positive("last", 10, MAX_RUNS);
        // Reading the history needs no lock; with the embedded warehouse the data directory's lock
        // still keeps status from running beside a run (the server belongs to that process).
        try (ConfigurableApplicationContext context = WarehouseSession.open(options, Map.of())) {
            List<RunHistory.Run> runs = context.getBean(RunHistory.class).newest(last);
            if (options.flag("json")) {
                RunHistory.writeJson(runs, out);
                out.println();
            } else {
                RunHistory.print(runs, out);
            }
        }
        return ExitCode.OK;
    }
}
