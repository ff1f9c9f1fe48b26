package nl.helpline.warehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed example inbox is exactly what {@link ExampleInbox#SPEC} generates, so it can't go
 * stale. Rewrite it after a deliberate generator change with
 * {@code ./mvnw -o test -Dtest=ExampleInboxTest -Dexample.regenerate=true}.
 */
class ExampleInboxTest {

    @Test
    void theCommittedExampleInboxIsWhatTheGeneratorWrites(@TempDir Path tmp) throws Exception {
        if (Boolean.getBoolean("example.regenerate")) {
            if (Files.isDirectory(ExampleInbox.DIRECTORY)) {
                try (var old = Files.list(ExampleInbox.DIRECTORY)) {
                    for (Path f : old.toList()) {
                        Files.delete(f);
                    }
                }
            }
            ExportGenerator.generate(ExampleInbox.SPEC, ExampleInbox.DIRECTORY);
        }
        GeneratedExport fresh = ExportGenerator.generate(ExampleInbox.SPEC, tmp);
        List<String> names = fresh.files().stream().map(f -> f.path().getFileName().toString()).sorted().toList();
        try (var committed = Files.list(ExampleInbox.DIRECTORY)) {
            assertThat(committed.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("files in %s; regenerate with -Dexample.regenerate=true", ExampleInbox.DIRECTORY).isEqualTo(names);
        }
        for (String name : names) {
            assertThat(Files.readAllBytes(ExampleInbox.DIRECTORY.resolve(name)))
                    .as("%s differs from what the generator writes; regenerate with "
                            + "./mvnw -o test -Dtest=ExampleInboxTest -Dexample.regenerate=true", name)
                    .isEqualTo(Files.readAllBytes(tmp.resolve(name)));
        }
    }
}
