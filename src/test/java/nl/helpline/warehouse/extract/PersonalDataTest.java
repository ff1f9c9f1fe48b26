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

    @Test
    void xlsxRowsRejectsResultsAndFileRejectsCarryNoPersonalData() {
        Object[] header = TestExport.HEADER.toArray();
        Object[] personal = {TestExport.REPORTER_NAME, TestExport.REPORTER_PHONE, TestExport.REPORTER_EMAIL,
                TestExport.SUBJECT_NAME, TestExport.NOTE};
        read(TestWorkbook.xlsx().row(header)
                .row(request("HAL-SECRET-11", "05-02-2024 10:15", "Telefoon", personal))
                .row(request("HAL-SECRET-12", "gisteren", "Telefoon", personal))
                .row(request("HAL-SECRET-13", "05-02-2024 10:15", "Postduif", personal))
                .write(dir.resolve("personal.xlsx")));
        Object[] noStatus = TestExport.HEADER.stream().filter(h -> !h.equals("Status")).toArray();
        read(TestWorkbook.xlsx().row(noStatus).row(request("HAL-SECRET-14", "05-02-2024 10:15", "Telefoon", personal))
                .write(dir.resolve("no-status.xlsx")));

        assertNoPersonalData();
        assertThat(everything).filteredOn(o -> o instanceof ExportRow).hasSize(1);
        assertThat(everything).filteredOn(o -> o instanceof RowReject).hasSize(2);
        assertThat(everything).filteredOn(o -> o instanceof Exception).hasSize(1);
    }

    private static Object[] request(String number, String lastModified, String channel, Object[] personal) {
        Object[] cells = {number, lastModified, "10-01-2024", "20-01-2024", "Afgesloten", channel, "Professional",
                "Onderwijs", "", "", "Consultatie", "", "2"};
        Object[] row = java.util.Arrays.copyOf(cells, cells.length + personal.length);
        System.arraycopy(personal, 0, row, cells.length, personal.length);
        return row;
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
