package nl.helpline.warehouse.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.helpline.warehouse.cli.Main;

/** The real command line in a JVM of its own, against a test database, so a test can kill it. */
public final class SecondJvm {

    private SecondJvm() {
    }

    /** Standard output and standard error together into {@code log}. */
    public static Process start(TestDatabase db, Path log, String... args) throws IOException {
        ProcessBuilder builder = builder(db, List.of("-Xmx512m"), Map.of(), args)
                .redirectErrorStream(true).redirectOutput(new File(log.toString()));
        return builder.start();
    }

    /**
     * Standard output and standard error kept apart, with JVM options (heap, system properties)
     * and environment variables of the test's choosing (a locale, say). The class path is the
     * application's, without the test classes: no logback-test.xml, so logging is configured as
     * in production.
     */
    public static Process start(TestDatabase db, Path stdout, Path stderr, List<String> jvmOptions, Map<String, String> environment,
                                String... args) throws IOException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
                .collect(Collectors.joining(File.pathSeparator));
        ProcessBuilder builder = builder(db, classPath, jvmOptions, environment, args)
                .redirectOutput(new File(stdout.toString())).redirectError(new File(stderr.toString()));
        return builder.start();
    }

    private static ProcessBuilder builder(TestDatabase db, List<String> jvmOptions, Map<String, String> environment, String... args) {
        return builder(db, System.getProperty("java.class.path"), jvmOptions, environment, args);
    }

    private static ProcessBuilder builder(TestDatabase db, String classPath, List<String> jvmOptions, Map<String, String> environment,
                                          String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, Main.class.getName()));
        command.addAll(List.of(args));
        if (db != null) {
            command.addAll(List.of("--db-url", db.url()));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("WAREHOUSE_PSEUDONYM_KEY", TestDatabase.PSEUDONYM_KEY);
        builder.environment().put("WAREHOUSE_DB_USER", "postgres");
        builder.environment().put("WAREHOUSE_INBOX_SETTLE", TestDatabase.SETTLE);
        builder.environment().putAll(environment);
        return builder;
    }
}
