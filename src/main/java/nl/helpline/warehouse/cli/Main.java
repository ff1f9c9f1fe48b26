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
        for (Command command : List.<Command>of(new LoadCommand(), new ReportCommand(), new ReleaseCommand(), new InfographicCommand(), new RunCommand(),
                new ScheduleCommand(), new StatusCommand(), new RestartCommand(), new VerifyCommand(), new GenerateCommand(),
                new BenchmarkCommand())) {
            commands.put(command.name(), command);
        }
    }

    /** For tests: a command line of other commands. */
    Main(List<Command> commands) {
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    public static void main(String[] args) {
        System.exit(exitCode(() -> new Main().run(args, System.out, System.err), System.err));
    }

    /**
     * The process's exit code: an Error that escapes even {@link #run} (thrown while the result
     * is printed, say) is a failure, 3, never the JVM's own 1, which schedulers count as "done
     * with rejects".
     */
    static int exitCode(java.util.function.IntSupplier run, PrintStream err) {
        try {
            return run.getAsInt();
        } catch (Throwable late) {
            try {
                err.println("Failed: " + nl.helpline.warehouse.load.Failures.describe(late));
                err.flush();
            } catch (Throwable ignored) {
                // nothing more can be said
            }
            return ExitCode.FAILED;
        }
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        StandardErrorLogging.apply();
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
        } catch (Throwable e) {
            // Errors too (OutOfMemoryError above all): the exit code is decided here, and it is 3.
            return failure(e, err);
        }
    }

    /** Spring wraps start-up failures several times; operators need the sentence at the bottom. */
    private static int failure(Throwable e, PrintStream err) {
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
        err.println("Failed: " + nl.helpline.warehouse.load.Failures.describe(e));
        return ExitCode.FAILED;
    }

    private String overview() {
        StringBuilder text = new StringBuilder("Usage: helpline-warehouse <command> [options]   (<command> --help for more)\n\n");
        commands.values().forEach(c -> text.append(String.format("  %-10s %s%n", c.name(), c.summary())));
        text.append("\nExit codes: 0 ok, 1 done with rejects, 2 usage, 3 failed, 4 warehouse busy.\n");
        return text.toString();
    }
}
