package nl.helpline.warehouse.extract;

import static nl.helpline.warehouse.extract.TestExport.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import nl.helpline.warehouse.support.HostileExports;

/**
 * CSV inputs a drop folder sees, each with its exact outcome: control characters, headers too wide
 * or too long, and quotes out of place that would otherwise swallow records without a word.
 */
class HostileCsvTest {

    @TempDir
    Path dir;

    private final ExportFiles files = new ExportFiles(TestMappings.mapping());
    private ReadResult result;

    private CollectingSink read(Path file) throws IOException, FileRejectedException {
        CollectingSink sink = new CollectingSink();
        result = files.read(file, sink);
        assertThat(result.rowsRead()).isEqualTo(sink.rows.size() + sink.rejects.size());
        return sink;
    }

    private CollectingSink read(String name, String text) throws IOException, FileRejectedException {
        return read(Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8));
    }

    private String rejected(Path file) {
        Throwable thrown = null;
        try {
            files.read(file, new CollectingSink());
        } catch (Throwable t) {
            thrown = t;
        }
        assertThat(thrown).as("reading %s", file.getFileName()).isInstanceOf(FileRejectedException.class);
        for (String personal : HostileExports.PERSONAL) {
            assertThat(thrown.getMessage()).doesNotContain(personal);
        }
        assertThat(thrown.getMessage()).doesNotContain("buurjongen").doesNotContain("zegt hij");
        return thrown.getMessage();
    }

    // ------------------------------------------------------------ control characters

    @Test
    void aNulInACodedValueRejectsThatRowNamingTheColumnAndNotTheValue() throws Exception {
        CollectingSink sink = read(HostileExports.nulInCodedValue(dir.resolve("nul.csv")));
        assertThat(sink.rows).extracting(ExportRow::requestNumber).containsExactly("NUL-000001", "NUL-000003", "NUL-000004");
        assertThat(sink.rows).hasSize(HostileExports.NUL_GOOD_ROWS);
        assertThat(sink.rejects).containsExactly(new RowReject(3, "Eerste contact", null,
                "Eerste contact holds a control character (U+0000), which an export never has"));
    }

    @ParameterizedTest(name = "{0} U+{1}")
    @CsvSource({"Verzoeknummer,0000", "Laatst gewijzigd,0007", "Datum binnenkomst,001B", "Status,007F",
            "Hulpvragen,0085", "Aantal gesprekken,0001"})
    void anyControlCharacterInAnyReadColumnRejectsTheRow(String column, String hex) throws Exception {
        char control = (char) Integer.parseInt(hex, 16);
        TestExport.Row bad = row("HAL-2", "05-02-2024 10:15");
        String original = switch (column) {
            case "Verzoeknummer" -> "HAL-2";
            case "Laatst gewijzigd" -> "05-02-2024 10:15";
            case "Datum binnenkomst" -> "10-01-2024";
            case "Status" -> "Afgesloten";
            case "Hulpvragen" -> "Is de situatie zorgelijk?";
            default -> "2";
        };
        bad.set(column, original.substring(0, 1) + control + original.substring(1));
        CollectingSink sink = read(TestExport.csv().add(row("HAL-1", "05-02-2024 10:15"), bad).write(dir.resolve("control.csv")));
        assertThat(sink.rows).hasSize(1);
        assertThat(sink.rejects).containsExactly(new RowReject(4, column, null,
                column + " holds a control character (U+" + hex + "), which an export never has"));
    }

    @Test
    void aControlCharacterInAValueThatIsReadButNotUsedStillRejectsTheRow() throws Exception {
        // A citizen's Werkterrein does not apply and is not mapped; it is still a value the reader took.
        CollectingSink sink = read(TestExport.csv().add(
                row("HAL-1", "05-02-2024 10:15").set("Type aanvrager", "Burger").set("Werkterrein", "Zo\u0000rg"),
                row("HAL-2", "05-02-2024 10:15").set("Type aanvrager", "Burger").set("Werkterrein", "Zorg")).write(dir.resolve("citizen.csv")));
        assertThat(sink.rejects).containsExactly(new RowReject(2, "Werkterrein", null,
                "Werkterrein holds a control character (U+0000), which an export never has"));
        assertThat(sink.rows).extracting(ExportRow::workDomain).containsExactly("NOT_APPLICABLE");
    }

    @Test
    void tabsAndControlCharactersInColumnsThatAreNotReadChangeNothing() throws Exception {
        CollectingSink sink = read(TestExport.csv().add(
                row("HAL-1", "05-02-2024 10:15").set("Eerste contact", "Telefoon\t"),
                row("HAL-2", "05-02-2024 10:15").set("Toelichting", "zorg\u0000en\u0007"),
                row("HAL-3", "05-02-2024 10:15").set("Naam melder", "\u001B[31mrood")).write(dir.resolve("tabs.csv")));
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.rows).extracting(ExportRow::channel).containsOnly("PHONE");
    }

    @Test
    void aNulInAHeaderNameRejectsTheFile() {
        assertThat(rejected(HostileExports.nulInHeader(dir.resolve("nul-header.csv"))))
                .isEqualTo("nul-header.csv: header column 5 holds a control character (U+0000), which an export never has");
    }

    // ------------------------------------------------------------ headers too wide or too long

    /** 2 MB here; ReaderMemoryBoundTest reads the 30 MB within its memory bound. */
    @Test
    void aHeaderOfMegabytesOfDelimitersIsRejected() {
        Path file = HostileExports.wideHeader(dir.resolve("wide.csv"), 2);
        assertThat(rejected(file)).isEqualTo("wide.csv: the header has more than 16384 columns (Excel's limit,"
                + " column XFD); an export has 18");
    }

    @Test
    void aHeaderOfExactlyExcelsWidthIsReadAndOneMoreIsNot() throws Exception {
        String fill = ";".repeat(Header.MAX_COLUMNS - TestExport.HEADER.size());
        String header = String.join(";", TestExport.HEADER) + fill + "\r\n";
        String rowText = TestExport.csv().add(row("HAL-1", "05-02-2024 10:15")).text();
        String data = rowText.substring(rowText.indexOf("\r\n") + 2);
        CollectingSink sink = read("widest.csv", header + data);
        assertThat(sink.rows).hasSize(1);
        assertThat(rejected(Files.writeString(dir.resolve("too-wide.csv"), ";" + header + data)))
                .isEqualTo("too-wide.csv: the header has more than 16384 columns (Excel's limit, column XFD); an export has 18");
    }

    @Test
    void aHeaderNameOfMegabytesIsRejected() throws Exception {
        Path file = dir.resolve("long-name.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("Verzoeknummer;".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            out.write(chunk);
            out.write(chunk);
            out.write(";Status\r\nHAL-1;x;Open\r\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(rejected(file)).isEqualTo("long-name.csv: header column 2 is longer than 256 characters; that is not a column name");
    }

    @Test
    void aRecordOfMillionsOfDelimitersIsOneRejectedRow() throws Exception {
        String text = TestExport.csv().add(row("HAL-1", "05-02-2024 10:15")).text()
                + "HAL-2;05-02-2024 10:15" + ";".repeat(3_000_000) + "x\r\n";
        CollectingSink sink = read("long-record.csv", text);
        assertThat(sink.rows).hasSize(1);
        assertThat(sink.rejects).extracting(RowReject::line, RowReject::reason).containsExactly(
                tuple(4L, "The record has 3000002 values where the header has 18 columns; its values may be shifted"));
    }

    @Test
    void aFileNameWithALineBreakIsShownEscaped() throws Exception {
        List<String> noStatus = TestExport.HEADER.stream().filter(h -> !h.equals("Status")).toList();
        Path file = TestExport.csv().header(noStatus).add(row("HAL-1", "05-02-2024 10:15"))
                .write(dir.resolve("forged\nOK loaded.csv"));
        assertThat(rejected(file)).isEqualTo("forged\\nOK loaded.csv: required column missing: Status");
    }

    // ------------------------------------------------------------ quotes out of place

    @ParameterizedTest(name = "{0} swallowed")
    @ValueSource(ints = {500, 1, 0})
    void aStrayQuoteThatSwallowsRecordsRejectsTheFileSayingWhereAndHowFar(int swallowed) throws Exception {
        Path file = HostileExports.strayQuote(dir.resolve("stray.csv"), swallowed);
        long dataLines = Files.readAllLines(file).size() - 1;
        assertThat(dataLines).isEqualTo(swallowed + 4);
        // Line 3 opens the quote; line swallowed + 4 (row swallowed + 3) closes it in its own note.
        int closing = swallowed + 4;
        int recordLines = swallowed + 1;
        assertThat(rejected(file)).isEqualTo("stray.csv: line 3, column Toelichting: a quoted value opens here and is"
                + " closed only on line " + closing + "; " + recordLines + (recordLines == 1 ? " line inside it has" : " lines inside it have")
                + " as many delimiters as a whole record, so it swallowed records. The file is not loaded, so that no"
                + " row is lost: correct the value at the source (a quote inside a value is written as two quotes) and"
                + " deliver the file again");

        // Corrected at the source (the quote doubled), every one of the rows loads.
        String corrected = Files.readString(file).replace("\"Zorgen over de buurjongen, zegt hij", "\"\"\"Zorgen over de buurjongen, zegt hij\"")
                .replace("Zorgen\" over de buurjongen", "\"Zorgen\"\" over de buurjongen\"");
        CollectingSink sink = read(Files.writeString(dir.resolve("corrected.csv"), corrected));
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.rows).hasSize(swallowed + 4);
        assertThat(sink.rows.get(sink.rows.size() - 1).requestNumber()).isEqualTo(String.format("STRAY-%06d", swallowed + 4));
    }

    @Test
    void aStrayQuoteInANoteInTheMiddleOfTheRecordIsCaughtEvenWhenItSwallowsOnlyTheNextRecord() throws Exception {
        List<String> header = new ArrayList<>(TestExport.HEADER);
        header.remove("Toelichting");
        header.add(7, "Toelichting");
        String opening = "HAL-2;05-02-2024 10:15;10-01-2024;20-01-2024;Afgesloten;Telefoon;Professional;\"Zegt hij;Onderwijs;;;Consultatie;;2;;;;\r\n";
        String swallowed = "HAL-3;05-02-2024 10:15;10-01-2024;20-01-2024;Afgesloten;Telefoon;Professional;zorg om hem;Onderwijs;;;Consultatie;;2;;;;\r\n";
        String closing = "HAL-4;05-02-2024 10:15;10-01-2024;20-01-2024;Afgesloten;Telefoon;Professional;zorg\" om hem;Onderwijs;;;Consultatie;;2;;;;\r\n";
        String head = TestExport.csv().header(header).add(row("HAL-1", "05-02-2024 10:15")).text();
        // The note is column 8 of 18: the opening record's tail (10 delimiters) and the closing record's head (7) make one record.
        assertThat(rejected(Files.writeString(dir.resolve("next.csv"), head + opening + closing))).startsWith("next.csv: line 4,"
                + " column Toelichting: a quoted value opens here and is closed only on line 5; 1 line inside it has as many"
                + " delimiters as a whole record");
        assertThat(rejected(Files.writeString(dir.resolve("middle.csv"), head + opening + swallowed + closing))).startsWith(
                "middle.csv: line 4, column Toelichting: a quoted value opens here and is closed only on line 6; 1 line inside"
                + " it has as many delimiters as a whole record");
    }

    @Test
    void aLineBreakInsideAQuotedCodeRejectsTheFile() throws Exception {
        String text = TestExport.csv().add(row("HAL-1", "05-02-2024 10:15")).text()
                + "HAL-2;05-02-2024 10:15;10-01-2024;20-01-2024;Afgesloten;\"Tele\r\nfoon\";Professional;Onderwijs;;;Consultatie;;2;;;;;\r\n";
        assertThat(rejected(Files.writeString(dir.resolve("code.csv"), text))).isEqualTo("code.csv: line 4, column Eerste contact:"
                + " a quoted value opens here and is closed only on line 5; a code, date, number or request number never"
                + " spans lines, so the quote is out of place and the lines after it may be records. The file is not loaded,"
                + " so that no row is lost: correct the value at the source (a quote inside a value is written as two"
                + " quotes) and deliver the file again");
    }

    @Test
    void aStrayQuoteNeverClosedThatSwallowedRecordsRejectsTheFile() throws Exception {
        String text = TestExport.csv().add(row("HAL-1", "05-02-2024 10:15")).text()
                + "HAL-2;05-02-2024 10:15;10-01-2024;;Open;Telefoon;Burger;;;;;;;;;;;\"Moeder belt\r\n"
                + "HAL-3;05-02-2024 10:15;10-01-2024;;Open;Telefoon;Burger;;;;;;;;;;;\r\n"
                + "HAL-4;05-02-2024 10:15;10-01-2024;;Open;Telefoon;Burger;;;;;;;;;;;\r\n";
        assertThat(rejected(Files.writeString(dir.resolve("open.csv"), text))).startsWith("open.csv: line 4, column Toelichting:"
                + " a quoted value opens here and is never closed (the file ends on line 7); 2 lines inside it have as many"
                + " delimiters as a whole record");
    }

    @Test
    void notesWithLineBreaksQuotesAndSomeDelimitersStillLoad() throws Exception {
        // One delimiter short of a record on a line inside a note is still a note.
        String almost = ";".repeat(TestExport.HEADER.size() - 2);
        CollectingSink sink = read(TestExport.csv().add(
                row("HAL-1", "05-02-2024 10:15").set("Toelichting", "eerste regel\r\n" + almost + "\r\nderde; met \"quotes\""),
                row("HAL-2", "05-02-2024 10:15").set("Toelichting", "a;b;c\nd;e;f\n"),
                row("HAL-3", "05-02-2024 10:15")).write(dir.resolve("notes.csv")));
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.rows).extracting(ExportRow::line).containsExactly(2L, 5L, 8L);
    }

    @Test
    void aQuotedHeaderNameRunningOverALineAndADelimiterRejectsTheFile() throws Exception {
        String text = String.join(";", TestExport.HEADER.subList(0, 17)) + ";\"Toelichting\r\nHAL-1;05-02-2024 10:15;x\";extra\r\n";
        assertThat(rejected(Files.writeString(dir.resolve("header-quote.csv"), text))).isEqualTo("header-quote.csv: header"
                + " column 18 is a quoted name that runs over a line break and past a delimiter; a quote in the header is out of place");
    }

    @Test
    void aHeaderNameWithALineBreakButNoDelimiterIsStillAName() throws Exception {
        List<String> header = new ArrayList<>(TestExport.HEADER);
        header.set(header.indexOf("Datum binnenkomst"), "Datum\nbinnenkomst");
        CollectingSink sink = read(TestExport.csv().header(header)
                .add(row("HAL-1", "05-02-2024 10:15").set("Datum\nbinnenkomst", "10-01-2024")).write(dir.resolve("alt-enter.csv")));
        assertThat(sink.onlyRow().received()).isEqualTo(java.time.LocalDate.of(2024, 1, 10));
    }

    @Test
    void theGoodCsvOfTheHostileSetLoads() throws Exception {
        CollectingSink sink = read(HostileExports.good(dir.resolve("good.csv"), "GOODCSV", 4));
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.rows).extracting(ExportRow::requestNumber)
                .containsExactly("GOODCSV-000001", "GOODCSV-000002", "GOODCSV-000003", "GOODCSV-000004");
    }

    @Test
    void aFileThatIsNotAnExportByNameIsRefusedWithoutReadingIt() {
        assertThatThrownBy(() -> files.read(dir.resolve("x\n.txt"), new CollectingSink()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x\\n.txt is not an export file (*.csv or *.xlsx)");
    }
}
