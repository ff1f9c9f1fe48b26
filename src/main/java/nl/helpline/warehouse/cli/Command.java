package nl.helpline.warehouse.cli;

import java.io.PrintStream;
import java.util.List;

/** One verb of the command line. */
interface Command {

    String name();

    /** One line for the overview. */
    String summary();

    /** The full text of {@code <command> --help}. */
    String help();

    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
