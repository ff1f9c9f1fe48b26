package nl.helpline.warehouse.extract;

import static nl.helpline.warehouse.extract.TestExport.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Personal data and request numbers never come out of a reader: not in rows, rejects, results or
 * exception messages. Every way out is exercised with the fake personal values of
 * {@link TestExport} in the file, and everything collected is searched for them.
 */
class PersonalDataTest {

    @TempDir
    Path dir;

    private final ExportFiles files = new ExportFiles(TestMappings.mapping());
    private final List<Object> everything = new ArrayList<>();

    @Test
    void csvRowsRejectsResultsAndFileRejectsCarryNoPersonalData() throws Exception {
        String good = TestExport.csv().add(
                row("HAL-SECRET-01", "05-02-2024 10:15"),
                row("HAL-SECRET-02", "gisteren"),
                row("HAL-SECRET-03", "05-02-2024 10:15").set("Eerste contact", "Postduif"),
                row("HAL-SECRET-04", "05-02-2024 10:15").set("Opvolging", ""),
                row("HAL-SECRET-05", "05-02-2024 10:15").set("Datum afgesloten", "01-01-2024"),
                row("HAL-SECRET-06", "05-02-2024 10:15").set("Aantal gesprekken", "veel"),
                row("", "05-02-2024 10:15")).text();
        // A note with an unquoted delimiter shifts the row; a note whose quote never closes swallows the rest.
        String broken = good
                + "HAL-SECRET-07;05-02-2024 10:15;10-01-2024;;Open;Telefoon;Burger;;;;;;;"
                + TestExport.REPORTER_NAME + ";" + TestExport.REPORTER_PHONE + ";" + TestExport.REPORTER_EMAIL + ";"
                + TestExport.SUBJECT_NAME + ";Vertrouwelijke zorg;schreeuwt;meer\r\n"
                + "HAL-SECRET-08;05-02-2024 10:15;10-01-2024;;Open;Telefoon;Burger;;;;;;;;;;;\"Vertrouwelijke zorg en schreeuwt\r\n";
        read(dir.resolve("personal.csv"), broken);

        List<String> noStatus = TestExport.HEADER.stream().filter(h -> !h.equals("Status")).toList();
        read(TestExport.csv().header(noStatus).add(row("HAL-SECRET-09", "05-02-2024 10:15")).write(dir.resolve("no-status.csv")));
        List<String> twice = new ArrayList<>(TestExport.HEADER);
        twice.add("Naam melder");
        read(TestExport.csv().header(twice).add(row("HAL-SECRET-10", "05-02-2024 10:15")).write(dir.resolve("twice.csv")));

        assertNoPersonalData();
        assertThat(everything).filteredOn(o -> o instanceof RowReject).hasSize(8);
        assertThat(everything).filteredOn(o -> o instanceof Exception).hasSize(2);
    }

    private void read(Path file, String text) throws Exception {
        read(java.nio.file.Files.writeString(file, text));
    }

    void read(Path file) {
        RowSink sink = new RowSink() {
            @Override
            public void accept(ExportRow row) {
                everything.add(row);
            }

            @Override
            public void reject(RowReject reject) {
                everything.add(reject);
            }
        };
        try {
            everything.add(files.read(file, sink));
        } catch (Exception e) {
            everything.add(e);
        }
    }

    private void assertNoPersonalData() {
        assertThat(everything).isNotEmpty();
        for (Object o : everything) {
            String text = o instanceof Throwable t ? t + " " + t.getCause() : o.toString();
            for (String personal : TestExport.PERSONAL) {
                assertThat(text).as(o.getClass().getSimpleName()).doesNotContain(personal);
            }
            if (!(o instanceof ExportRow)) {
                assertThat(text).as("request numbers only ever appear in accepted rows").doesNotContain("SECRET");
            }
        }
    }
}
