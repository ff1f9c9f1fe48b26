package nl.helpline.warehouse.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The example inbox committed under {@code jobs/example-inbox/}, which the README's main command
 * loads: 400 requests received in 2024, spread over three CSV files (one in each dialect the
 * contract allows) and a workbook, with a handful of bad rows.
 *
 * <p>{@code ExampleInboxTest} regenerates it and fails if a byte differs, so it cannot go stale.
 * After a deliberate change to the generator, rewrite it with
 * {@code ./mvnw -o test -Dtest=ExampleInboxTest -Dexample.regenerate=true} and commit the result.
 * Its truth, for tests that load it: {@code ExportGenerator.truth(ExampleInbox.SPEC)}.
 */
public final class ExampleInbox {

    /** Relative to the project root. */
    public static final Path DIRECTORY = Path.of("jobs", "example-inbox");

    public static final GeneratorSpec SPEC = GeneratorSpec.of(400, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))
            .withSeed(42)
            .withFiles(4)
            .withFormats(List.of(ExportFormat.CSV, ExportFormat.CSV, ExportFormat.CSV, ExportFormat.XLSX))
            .withCsvDialects(List.of(CsvDialect.EXCEL_NL, CsvDialect.LEGACY_1252, CsvDialect.COMMA_UTF8))
            .withBadRowRate(0.02)
            .withVersionRate(0.25);

    private ExampleInbox() {
    }
}
