package nl.helpline.warehouse.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value}, {@code --name=value} and bare {@code --flag} options, checked against what a command accepts. */
public final class Options {

    private final String command;
    private final Map<String, String> values;

    private Options(String command, Map<String, String> values) {
        this.command = command;
        this.values = values;
    }

    public static Options parse(String command, List<String> args, Set<String> valued, Set<String> flags) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("'" + command + "' takes no argument '" + arg + "'; see '" + command + " --help'");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                values.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                values.put(name, value);
            } else {
                throw new UsageException("'" + command + "' has no option --" + name + "; see '" + command + " --help'");
            }
        }
        if (values.containsKey("data-dir") && values.containsKey("db-url")) {
            throw new UsageException("--data-dir (the embedded warehouse) and --db-url (an external PostgreSQL) exclude each other;"
                    + " give one of them");
        }
        String logFormat = values.get("log-format");
        if (logFormat != null && !Set.of("ecs", "logstash", "gelf").contains(logFormat)) {
            throw new UsageException("--log-format is ecs, logstash or gelf, not '" + logFormat + "'");
        }
        return new Options(command, values);
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public Optional<Path> path(String name) {
        try {
            return string(name).map(Path::of);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException("--" + name + " '" + values.get(name) + "' is not a path this system can use: " + e.getReason());
        }
    }

    public String required(String name) {
        return string(name).orElseThrow(() -> new UsageException("'" + command + "' needs --" + name));
    }

    public long number(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    /** A whole number from 1 to {@code max}. */
    public long positive(String name, long fallback, long max) {
        long value = number(name, fallback);
        if (value < 1 || value > max) {
            throw new UsageException("--" + name + " must be a whole number from 1 to " + max + ", not '" + values.get(name) + "'");
        }
        return value;
    }

    /**
     * A folder to write into: it may not exist yet (it is created), but it may not be a file.
     */
    public Path folder(String name, Path fallback) {
        Path folder = path(name).orElse(fallback);
        if (folder != null && java.nio.file.Files.exists(folder) && !java.nio.file.Files.isDirectory(folder)) {
            throw new UsageException("--" + name + " " + folder + " is a file, not a folder");
        }
        return folder;
    }

    public LocalDate date(String name) {
        String value = required(name);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + " must be a date like 2024-01-31, not '" + value + "'");
        }
    }
}
