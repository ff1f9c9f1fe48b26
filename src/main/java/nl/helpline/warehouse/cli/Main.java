package nl.helpline.warehouse.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.helpline.warehouse.warehouse.WarehouseBusyException;
import nl.helpline.warehouse.warehouse.WarehouseUnavailableException;

/** The command line: {@code helpline-warehouse <command> [options]}. */
public final class Main {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Main() {
        for (Command command : List.<Command>of(new LoadCommand(), new ReportCommand(), new RunCommand(), new ScheduleCommand(), new StatusCommand(), new RestartCommand(), new GenerateCommand(), new BenchmarkCommand(), new VerifyCommand())) {
            commands.put(command.name(), command);
        }
    }

    public static void main(String[] args) {
        System.exit(new Main().run(args, System.out, System.err));
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(overview());
            return args.length == 0 ? ExitCode.USAGE : ExitCode.OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("Unknown command '" + args[0] + "'.");
            err.print(overview());
            return ExitCode.USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(command.help());
            return ExitCode.OK;
        }
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println(e.getMessage());
            return ExitCode.USAGE;
        } catch (Exception e) {
            return failure(e, err);
        }
    }

    /** Spring wraps start-up failures several times; operators need the sentence at the bottom. */
    private static int failure(Exception e, PrintStream err) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WarehouseBusyException busy) {
                err.println(busy.getMessage());
                return ExitCode.BUSY;
            }
            if (t instanceof WarehouseUnavailableException unavailable) {
                err.println(unavailable.getMessage());
                return ExitCode.FAILED;
            }
            if (t instanceof UsageException usage) {
                err.println(usage.getMessage());
                return ExitCode.USAGE;
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        err.println("Failed: " + e.getMessage() + (root == e ? "" : " (" + root.getMessage() + ")"));
        return ExitCode.FAILED;
    }

    private String overview() {
        StringBuilder text = new StringBuilder("Usage: helpline-warehouse <command> [options]   (<command> --help for more)\n\n");
        commands.values().forEach(c -> text.append(String.format("  %-10s %s%n", c.name(), c.summary())));
        text.append("\nExit codes: 0 ok, 1 done with rejects, 2 usage, 3 failed, 4 warehouse busy.\n");
        return text.toString();
    }
}
