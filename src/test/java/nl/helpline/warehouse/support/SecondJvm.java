package nl.helpline.warehouse.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.helpline.warehouse.cli.Main;

/** The real command line in a JVM of its own, against a test database, so a test can kill it. */
public final class SecondJvm {

    private SecondJvm() {
    }

    public static Process start(TestDatabase db, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--db-url", db.url()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(log.toString()));
        builder.environment().put("WAREHOUSE_PSEUDONYM_KEY", TestDatabase.PSEUDONYM_KEY);
        builder.environment().put("WAREHOUSE_DB_USER", "postgres");
        return builder.start();
    }
}
