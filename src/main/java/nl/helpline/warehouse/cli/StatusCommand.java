package nl.helpline.warehouse.cli;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

import nl.helpline.warehouse.release.ReleaseRegister;
import nl.helpline.warehouse.release.ReleaseService;

import nl.helpline.warehouse.schedule.RunHistory;

final class StatusCommand implements Command {

    private static final int MAX_RUNS = 10_000;

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "the last runs (when, how long, outcome, files, rows, reports) and what is released";
    }

    @Override
    public String help() {
        return """
                Usage: helpline-warehouse status [--last N] [--json] [database options]

                The newest runs (nightly and load), newest first, from the Spring Batch job
                repository and the lineage tables; then every release, the current version of each
                period marked. --json prints {"runs":[…],"releases":[…]} for machines, on standard
                output (log lines go to standard error). --last N: 1 to 10000, default 10.
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
            List<ReleaseRegister.Entry> releases = context.getBean(ReleaseService.class).releases();
            if (options.flag("json")) {
                List<Map<String, Object>> released = releases.stream().map(r -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("releaseId", r.releaseId());
                    m.put("definition", r.definition());
                    m.put("period", r.period());
                    m.put("version", r.version());
                    m.put("current", r.current());
                    m.put("releasedAt", r.releasedAt().toString());
                    m.put("releasedBy", r.releasedBy());
                    m.put("requests", r.members());
                    m.put("files", r.files());
                    return m;
                }).toList();
                RunHistory.writeJson(runs, Map.of("releases", released), out);
                out.println();
            } else {
                RunHistory.print(runs, out);
                out.println();
                if (releases.isEmpty()) {
                    out.println("Released: nothing yet (reports so far are drafts; `release --period P` publishes one).");
                } else {
                    out.println("Released (* = current version of its period):");
                    for (ReleaseRegister.Entry r : releases) {
                        out.printf("%s %-10s %-24s v%-3d %s by %-12s %,8d requests  %s%n", r.current() ? "*" : " ", r.definition(), r.period(),
                                r.version(), r.releasedAt().toLocalDate(), r.releasedBy(), r.members(), r.files() == null ? "" : r.files());
                    }
                }
            }
        }
        return ExitCode.OK;
    }
}
