package nl.helpline.warehouse.extract;

import static nl.helpline.warehouse.extract.TestExport.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract's file-level promises for CSV: delimiters, quoting, encodings, headers, lines. */
class CsvExportTest {

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

    private static TestExport threeRows() {
        return TestExport.csv().add(
                row("HAL-1", "05-02-2024 10:15"),
                row("HAL-2", "06-02-2024 11:00").set("Eerste contact", "Email"),
                row("HAL-3", "07-02-2024 12:00").set("Status", "Open").set("Datum afgesloten", "").set("Opvolging", ""));
    }

    @Test
    void semicolonAndCommaFilesReadAlike() throws Exception {
        CollectingSink semicolons = read(threeRows().write(dir.resolve("semicolon.csv")));
        CollectingSink commas = read(threeRows().delimiter(',').write(dir.resolve("comma.csv")));
        assertThat(semicolons.rows).hasSize(3);
        assertThat(commas.rows).isEqualTo(semicolons.rows);
        assertThat(Files.readString(dir.resolve("comma.csv"))).startsWith("Verzoeknummer,Laatst gewijzigd,");
    }

    @Test
    void quotedDelimitersDoubledQuotesAndLineBreaksStayInsideTheirField() throws Exception {
        CollectingSink sink = read("quoted.csv", """
                Verzoeknummer;Opmerking;Laatst gewijzigd;Datum binnenkomst;Status;Eerste contact;Type aanvrager;Toelichting
                "HAL-1";"a;b";05-02-2024 10:15;10-01-2024;"Open";Telefoon;Burger;"zei ""stop"";
                en ging weg"
                HAL-2;"x""y";05-02-2024 10:15;10-01-2024;Open;"Chat";Burger;
                """);
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.rows).extracting(ExportRow::requestNumber).containsExactly("HAL-1", "HAL-2");
        assertThat(sink.rows).extracting(ExportRow::line).containsExactly(2L, 4L);
        assertThat(sink.rows.get(1).channel()).isEqualTo("CHAT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void lineBreaksInsideToelichtingMoveTheLineNumbersOfLaterRecords(String lineEnd) throws Exception {
        TestExport csv = TestExport.csv().lineEnd(lineEnd).add(
                row("HAL-1", "05-02-2024 10:15").set("Toelichting", "een" + lineEnd + "twee" + lineEnd + "drie"),
                row("HAL-2", "05-02-2024 10:15").set("Toelichting", "zonder regeleinde"),
                row("HAL-3", "05-02-2024 10:15").set("Toelichting", "\r\n\n\r"),
                row("HAL-4", "05-02-2024 10:15").set("Eerste contact", "Postduif").set("Toelichting", "x\ny"),
                row("HAL-5", "05-02-2024 10:15"));
        CollectingSink sink = read(csv.write(dir.resolve("breaks.csv")));
        // Header: line 1. HAL-1: lines 2-4. HAL-2: line 5. HAL-3: lines 6-9 (its CR LF, LF and CR are
        // three breaks). HAL-4: lines 10-11. HAL-5: line 12.
        assertThat(sink.rows).extracting(ExportRow::line).containsExactly(2L, 5L, 6L, 12L);
        assertThat(sink.rejects).extracting(RowReject::line, RowReject::column).containsExactly(tuple(10L, "Eerste contact"));
    }

    @Test
    void crlfAndLfFilesReadAlike() throws Exception {
        CollectingSink crlf = read(threeRows().lineEnd("\r\n").write(dir.resolve("crlf.csv")));
        CollectingSink lf = read(threeRows().lineEnd("\n").write(dir.resolve("lf.csv")));
        assertThat(lf.rows).isEqualTo(crlf.rows).hasSize(3);
    }

    @Test
    void aUtf8ByteOrderMarkIsNotPartOfTheFirstHeader() throws Exception {
        CollectingSink sink = read(threeRows().bom().write(dir.resolve("bom.csv")));
        assertThat(sink.rows).hasSize(3);
        assertThat(result.encoding()).isEqualTo("UTF-8");
        assertThat(result.ignoredColumns()).isEmpty();
    }

    @Test
    void aWindows1252FileIsDecodedAsWindows1252() throws Exception {
        TestExport csv = TestExport.csv()
                .header(withExtra("Opmerking café"))
                .charset(CsvEncoding.WINDOWS_1252)
                .add(row("HAL-1", "05-02-2024 10:15").set("Toelichting", "Zoë en René"),
                        row("HAL-2", "05-02-2024 10:15").set("Eerste contact", "Telefoné"));
        Path file = csv.write(dir.resolve("cp1252.csv"));
        assertThat(Files.readAllBytes(file)).contains((byte) 0xE9);
        CollectingSink sink = read(file);
        assertThat(result.encoding()).isEqualTo("windows-1252");
        assertThat(result.ignoredColumns()).containsExactly("Opmerking café");
        assertThat(sink.rows).hasSize(1);
        assertThat(sink.rejects.get(0).value()).isEqualTo("Telefoné");
    }

    @Test
    void aUtf8FileIsUtf8EvenWhenItsFirstAccentIsFarIn() throws Exception {
        TestExport csv = TestExport.csv();
        for (int i = 0; i < 2_000; i++) {
            csv.add(row("HAL-" + i, "05-02-2024 10:15").set("Toelichting", "plain ascii"));
        }
        csv.add(row("HAL-last", "05-02-2024 10:15").set("Eerste contact", "Telefoné"));
        Path file = csv.write(dir.resolve("late-accent.csv"));
        assertThat(Files.size(file)).isGreaterThan(200_000);
        CollectingSink sink = read(file);
        assertThat(result.encoding()).isEqualTo("UTF-8");
        assertThat(sink.rejects.get(0).value()).isEqualTo("Telefoné");
    }

    @Test
    void aWindows1252FileIsWindows1252EvenWhenItsFirstAccentIsFarIn() throws Exception {
        TestExport csv = TestExport.csv().charset(CsvEncoding.WINDOWS_1252);
        for (int i = 0; i < 2_000; i++) {
            csv.add(row("HAL-" + i, "05-02-2024 10:15").set("Toelichting", "plain ascii"));
        }
        csv.add(row("HAL-last", "05-02-2024 10:15").set("Eerste contact", "Telefoné"));
        CollectingSink sink = read(csv.write(dir.resolve("late-accent-1252.csv")));
        assertThat(result.encoding()).isEqualTo("windows-1252");
        assertThat(sink.rows).hasSize(2_000);
        assertThat(sink.rejects.get(0).value()).isEqualTo("Telefoné");
    }

    @Test
    void aUtf16FileIsRejectedWithAReason() throws Exception {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] text = threeRows().text().getBytes(StandardCharsets.UTF_16LE);
        Path file = dir.resolve("utf16.csv");
        Files.write(file, bom);
        Files.write(file, text, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> read(file)).isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("utf16.csv").hasMessageContaining("UTF-16");
    }

    @Test
    void headersMatchInAnyOrderCaseAndSurroundingWhiteSpace() throws Exception {
        List<String> header = new ArrayList<>(TestExport.HEADER);
        Collections.reverse(header);
        List<String> written = header.stream().map(h -> switch (h) {
            case "Status" -> "  STATUS ";
            case "Eerste contact" -> "eerste\u00A0contact";
            case "Datum binnenkomst" -> "\tDatum   Binnenkomst";
            default -> h;
        }).toList();
        TestExport csv = TestExport.csv().header(written).add(
                row("HAL-1", "05-02-2024 10:15").set("  STATUS ", "Afgesloten").set("eerste\u00A0contact", "Chat")
                        .set("\tDatum   Binnenkomst", "10-01-2024"));
        ExportRow row = read(csv.write(dir.resolve("shuffled.csv"))).onlyRow();
        assertThat(row.status()).isEqualTo("CLOSED");
        assertThat(row.channel()).isEqualTo("CHAT");
        assertThat(result.ignoredColumns()).isEmpty();
    }

    @Test
    void unknownExtraColumnsAreIgnoredAndReported() throws Exception {
        TestExport csv = TestExport.csv().header(withExtra(" Behandelaar ", "Regio")).add(
                row("HAL-1", "05-02-2024 10:15").set("Behandelaar", "M. de Vries").set("Regio", "Noord"));
        ExportRow row = read(csv.write(dir.resolve("extra.csv"))).onlyRow();
        assertThat(result.ignoredColumns()).containsExactly("Behandelaar", "Regio");
        assertThat(row.toString()).doesNotContain("de Vries").doesNotContain("Noord");
    }

    @Test
    void optionalContractColumnsMayBeAbsent() throws Exception {
        List<String> header = List.of("Verzoeknummer", "Laatst gewijzigd", "Datum binnenkomst", "Status",
                "Eerste contact", "Type aanvrager");
        CollectingSink sink = read(TestExport.csv().header(header).add(
                row("HAL-1", "05-02-2024 10:15").set("Status", "Open"),
                row("HAL-2", "05-02-2024 10:15").set("Status", "Afgesloten")).write(dir.resolve("minimal.csv")));
        ExportRow open = sink.rows.get(0);
        assertThat(open.workDomain()).isEqualTo("UNKNOWN");
        assertThat(open.phenomena()).isEmpty();
        assertThat(open.conversations()).isNull();
        assertThat(sink.rejects).extracting(RowReject::column).containsExactly("Datum afgesloten");
    }

    @Test
    void aMissingRequiredColumnRejectsTheFileNamingFileAndColumns() throws Exception {
        List<String> header = TestExport.HEADER.stream().filter(h -> !h.equals("Status") && !h.equals("Type aanvrager")).toList();
        Path file = threeRows().header(header).write(dir.resolve("no-status.csv"));
        CollectingSink sink = new CollectingSink();
        assertThatThrownBy(() -> files.read(file, sink)).isInstanceOf(FileRejectedException.class)
                .hasMessage("no-status.csv: required columns missing: Status, Type aanvrager");
        assertThat(sink.rows).isEmpty();
        assertThat(sink.rejects).isEmpty();
    }

    @Test
    void aRepeatedHeaderRejectsTheFile() throws Exception {
        Path file = threeRows().header(withExtra("status")).write(dir.resolve("twice.csv"));
        assertThatThrownBy(() -> read(file)).isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("twice.csv").hasMessageContaining("'status' twice");
    }

    @Test
    void aHeaderOnlyFileHasNoRows() throws Exception {
        CollectingSink sink = read(TestExport.csv().write(dir.resolve("empty.csv")));
        assertThat(sink.rows).isEmpty();
        assertThat(result.rowsRead()).isZero();
    }

    @Test
    void aFileWithoutEvenAHeaderIsRejected() throws Exception {
        assertThatThrownBy(() -> read("nothing.csv", "")).isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("nothing.csv").hasMessageContaining("empty");
        assertThatThrownBy(() -> read("blank-lines.csv", "\r\n\r\n")).isInstanceOf(FileRejectedException.class);
    }

    @Test
    void emptyLinesAndRowsOfOnlyDelimitersAreNotRows() throws Exception {
        String text = threeRows().text() + "\r\n;;;;;;;;;;;;;;;;;\r\n ; ;\"\";\r\n\r\n";
        CollectingSink sink = read("trailing.csv", text.replace("HAL-2", "\r\nHAL-2"));
        assertThat(sink.rows).hasSize(3);
        assertThat(result.rowsRead()).isEqualTo(3);
    }

    @Test
    void aRecordWithFewerFieldsThanTheHeaderReadsTheRestAsEmpty() throws Exception {
        String text = TestExport.csv().header(withExtra()).text()
                + "HAL-1;05-02-2024 10:15;10-01-2024;;Open;Telefoon;Burger\r\n";
        assertThat(read("short.csv", text).onlyRow().requestNumber()).isEqualTo("HAL-1");
    }

    @Test
    void aRecordWithMoreValuesThanTheHeaderIsRejected() throws Exception {
        String text = threeRows().text()
                + "HAL-9;05-02-2024 10:15;10-01-2024;;Open;Telefoon;Burger;;;;;;;;;;;;onverwacht\r\n"
                + "HAL-10;05-02-2024 10:15;10-01-2024;;Open;Telefoon;Burger;;;;;;;;;;;;;;\r\n";
        CollectingSink sink = read("long.csv", text);
        assertThat(sink.rows).hasSize(4);
        assertThat(sink.rejects).containsExactly(new RowReject(8, null, null,
                "The record has 19 values where the header has 18 columns; its values may be shifted"));
    }

    @Test
    void aQuoteNeverClosedRejectsThatRecordNotTheFile() throws Exception {
        String text = threeRows().header(lowerCase(TestExport.HEADER)).text()
                + "HAL-9;05-02-2024 10:15;10-01-2024;;Open;Telefoon;Burger;;;;;;;;;;;\"begint\r\nmaar eindigt nooit\r\n";
        CollectingSink sink = read("unclosed.csv", text);
        assertThat(sink.rows).hasSize(3);
        assertThat(sink.rejects).containsExactly(new RowReject(8, "Toelichting", null,
                "A quoted value that starts on line 8 is never closed; the rest of the file was read as part of this record"));
    }

    @Test
    void aValueTooLongToBeRealRejectsTheRecord() throws Exception {
        String text = threeRows().text()
                + "HAL-9;05-02-2024 10:15;10-01-2024;;Open;Telefoon;Burger;" + "Zorg".repeat(20_000) + "\r\n";
        assertThat(read("huge.csv", text).rejects).containsExactly(new RowReject(8, "Werkterrein", null,
                "A value is longer than 65536 characters"));
    }

    @Test
    void aHeaderWithAnUnclosedQuoteRejectsTheFile() {
        assertThatThrownBy(() -> read("bad-header.csv", "Verzoeknummer;\"Status\r\nHAL-1;Open\r\n"))
                .isInstanceOf(FileRejectedException.class).hasMessageContaining("bad-header.csv");
    }

    @Test
    void isExportGoesByExtensionInAnyCase() {
        assertThat(ExportFiles.isExport(Path.of("in/export.csv"))).isTrue();
        assertThat(ExportFiles.isExport(Path.of("EXPORT.CSV"))).isTrue();
        assertThat(ExportFiles.isExport(Path.of("export.Xlsx"))).isTrue();
        assertThat(ExportFiles.isExport(Path.of("export.xls"))).isFalse();
        assertThat(ExportFiles.isExport(Path.of("export.csv.txt"))).isFalse();
        assertThat(ExportFiles.isExport(Path.of("csv"))).isFalse();
        assertThatThrownBy(() -> files.read(dir.resolve("notes.txt"), new CollectingSink()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> lowerCase(List<String> header) {
        return header.stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).toList();
    }

    private static List<String> withExtra(String... extra) {
        List<String> header = new ArrayList<>(TestExport.HEADER);
        header.addAll(List.of(extra));
        return header;
    }
}
