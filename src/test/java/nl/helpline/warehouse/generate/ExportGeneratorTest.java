package nl.helpline.warehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportGeneratorTest {

    /** Small but busy: every format and dialect, many versions, bad rows, chat both before and after April. */
    static final GeneratorSpec MIXED = GeneratorSpec.of(3000, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 9, 30))
            .withSeed(7)
            .withFiles(5)
            .withFormats(List.of(ExportFormat.CSV, ExportFormat.CSV, ExportFormat.XLSX, ExportFormat.CSV, ExportFormat.XLSX))
            .withCsvDialects(List.of(CsvDialect.EXCEL_NL, CsvDialect.LEGACY_1252, CsvDialect.COMMA_UTF8))
            .withBadRowRate(0.03)
            .withVersionRate(0.5)
            .withWithdrawnRate(0.03);

    static ContractOracle oracle;

    @TempDir
    Path dir;

    @BeforeAll
    static void readMappings() throws IOException {
        oracle = ContractOracle.fromProject();
    }

    @Test
    void sameSpecGivesSameBytes() throws IOException {
        GeneratedExport first = ExportGenerator.generate(MIXED, dir.resolve("a"));
        GeneratedExport second = ExportGenerator.generate(MIXED, dir.resolve("b"));
        assertThat(first.files()).hasSize(5);
        for (int i = 0; i < first.files().size(); i++) {
            assertThat(Files.readAllBytes(second.files().get(i).path()))
                    .as(first.files().get(i).path().getFileName().toString())
                    .isEqualTo(Files.readAllBytes(first.files().get(i).path()));
        }
        assertThat(second.files()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("path")
                .isEqualTo(first.files());
    }

    @Test
    void anotherSeedGivesOtherFiles() throws IOException {
        GeneratedExport first = ExportGenerator.generate(MIXED.withFiles(1).withFormat(ExportFormat.CSV), dir.resolve("a"));
        GeneratedExport other = ExportGenerator.generate(MIXED.withFiles(1).withFormat(ExportFormat.CSV).withSeed(8), dir.resolve("b"));
        assertThat(Files.readAllBytes(other.files().get(0).path())).isNotEqualTo(Files.readAllBytes(first.files().get(0).path()));
    }

    @Test
    void filesAreNamedAfterTheExportDayInDeliveryOrder() throws IOException {
        GeneratedExport export = ExportGenerator.generate(MIXED.withRequests(10), dir);
        assertThat(export.files()).extracting(f -> f.path().getFileName().toString()).containsExactly(
                "export-2024-09-30-001.csv", "export-2024-09-30-002.csv", "export-2024-09-30-003.xlsx",
                "export-2024-09-30-004.csv", "export-2024-09-30-005.xlsx");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void neverOverwritesAnExistingFile() throws IOException {
        Files.writeString(dir.resolve("export-2024-09-30-004.csv"), "mine");
        assertThatThrownBy(() -> ExportGenerator.generate(MIXED.withRequests(10), dir))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(dir.resolve("export-2024-09-30-004.csv"))).isEqualTo("mine");
        try (var listing = Files.list(dir)) {
            assertThat(listing).hasSize(1);
        }
    }

    @Test
    void zeroRequestsGivesHeaderOnlyFiles() throws IOException {
        GeneratedExport export = ExportGenerator.generate(MIXED.withRequests(0), dir);
        assertThat(export.rows()).isZero();
        assertThat(export.truth()).isEmpty();
        for (GeneratedFile file : export.files()) {
            ContractOracle.FileReading reading = oracle.read(file.path());
            assertThat(reading.accepted()).isEmpty();
            assertThat(reading.rejected()).isEmpty();
            assertThat(reading.headers()).hasSizeGreaterThanOrEqualTo(18);
        }
    }

    /**
     * The heart of it: read every file back independently, apply the contract's rule (latest
     * {@code Laatst gewijzigd} wins, whatever the file order), and get exactly the truth.
     */
    @Test
    void latestVersionInTheFilesIsTheTruth() throws IOException {
        GeneratedExport export = ExportGenerator.generate(MIXED, dir);

        List<List<GeneratedRequest>> acceptedPerFile = new ArrayList<>();
        for (GeneratedFile file : export.files()) {
            ContractOracle.FileReading reading = oracle.read(file.path());
            String name = file.path().getFileName().toString();
            assertThat(reading.rejected()).as("rejected rows in " + name).hasSize((int) file.badRows());
            assertThat(reading.accepted()).as("valid rows in " + name).hasSize((int) file.validRows());
            acceptedPerFile.add(reading.accepted().stream().map(ContractOracle.Accepted::request).toList());
        }

        // Deliver the files in order, one row after the other, as the warehouse will.
        Map<String, GeneratedRequest> latest = new HashMap<>();
        Map<String, Set<LocalDateTime>> versions = new HashMap<>();
        Map<String, Set<Integer>> filesOfRequest = new HashMap<>();
        Set<String> twiceInOneFile = new HashSet<>();
        long late = 0;
        for (int f = 0; f < acceptedPerFile.size(); f++) {
            Map<String, Integer> inThisFile = new HashMap<>();
            long lateInFile = 0;
            for (GeneratedRequest r : acceptedPerFile.get(f)) {
                versions.computeIfAbsent(r.requestNumber(), k -> new HashSet<>()).add(r.lastModified());
                filesOfRequest.computeIfAbsent(r.requestNumber(), k -> new HashSet<>()).add(f);
                if (inThisFile.merge(r.requestNumber(), 1, Integer::sum) > 1) {
                    twiceInOneFile.add(r.requestNumber());
                }
                GeneratedRequest previous = latest.get(r.requestNumber());
                if (previous == null || r.lastModified().isAfter(previous.lastModified())) {
                    latest.put(r.requestNumber(), r);
                } else {
                    // An older (or re-delivered) version: must not win. Equal timestamps are only
                    // allowed for an identical re-delivery.
                    if (r.lastModified().equals(previous.lastModified())) {
                        assertThat(r).as("two different versions of %s share %s", r.requestNumber(), r.lastModified())
                                .isEqualTo(previous);
                    }
                    lateInFile++;
                }
            }
            assertThat(lateInFile).as("late rows in file %d", f).isEqualTo(export.files().get(f).lateRows());
            late += lateInFile;
        }

        List<GeneratedRequest> truth = export.truth().toList();
        assertThat(truth).hasSize(3000);
        assertThat(latest).hasSize(3000);
        Map<String, GeneratedRequest> truthByNumber = new HashMap<>();
        for (GeneratedRequest expected : truth) {
            assertThat(latest.get(expected.requestNumber())).as(expected.requestNumber()).isEqualTo(expected);
            truthByNumber.put(expected.requestNumber(), expected);
        }
        for (int f = 0; f < acceptedPerFile.size(); f++) {
            long superseded = acceptedPerFile.get(f).stream()
                    .filter(r -> !r.equals(truthByNumber.get(r.requestNumber()))).count();
            assertThat(superseded).as("superseded rows in file %d", f).isEqualTo(export.files().get(f).supersededRows());
        }
        assertThat(export.supersededRows()).isEqualTo(export.validRows() - 3000);

        // The situations the warehouse has to get right actually occur.
        assertThat(versions.values()).filteredOn(s -> s.size() > 2).hasSizeGreaterThan(100);
        assertThat(filesOfRequest.values()).filteredOn(s -> s.size() > 1).hasSizeGreaterThan(500);
        assertThat(twiceInOneFile).hasSizeGreaterThan(20);
        assertThat(late).isGreaterThan(20);
        assertThat(truth).extracting(GeneratedRequest::status).contains("OPEN", "IN_PROGRESS", "CLOSED", "WITHDRAWN");
    }

    @Test
    void reportsBadRowsPerFileAndKind() throws IOException {
        GeneratedExport export = ExportGenerator.generate(MIXED, dir);
        assertThat(export.badRows()).isBetween(60L, 180L); // ~3% of ~4,600 valid rows
        for (GeneratedFile file : export.files()) {
            assertThat(file.badRowsByKind().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(file.badRows());
            assertThat(file.badRowsByKind()).containsOnlyKeys(BadRowKind.values());
        }
        Map<BadRowKind, Long> byKind = new HashMap<>();
        export.files().forEach(f -> f.badRowsByKind().forEach((k, v) -> byKind.merge(k, v, Long::sum)));
        assertThat(byKind.values()).allMatch(count -> count > 0);

        // Bad rows use request numbers of their own: none of them is a real request.
        Set<String> real = export.truth().map(GeneratedRequest::requestNumber).collect(Collectors.toSet());
        for (GeneratedFile file : export.files()) {
            if (file.format() == ExportFormat.CSV) {
                String text = new String(Files.readAllBytes(file.path()), oracleCharset(file.path()));
                char delimiter = text.substring(0, text.indexOf('\n')).contains(";") ? ';' : ',';
                List<Rfc4180.Record> records = Rfc4180.parse(stripBom(text), delimiter);
                int numberColumn = indexOf(records.get(0).fields(), "verzoeknummer");
                Set<Long> rejectedLines = oracle.read(file.path()).rejected().stream()
                        .map(ContractOracle.Rejected::line).collect(Collectors.toSet());
                for (Rfc4180.Record record : records.subList(1, records.size())) {
                    if (rejectedLines.contains(record.line())) {
                        assertThat(real).doesNotContain(record.fields().get(numberColumn));
                    }
                }
            }
        }
    }

    @Test
    void noBadRowsUnlessAskedFor() throws IOException {
        GeneratedExport export = ExportGenerator.generate(MIXED.withBadRowRate(0), dir);
        assertThat(export.badRows()).isZero();
        for (GeneratedFile file : export.files()) {
            assertThat(oracle.read(file.path()).rejected()).isEmpty();
        }
    }

    @Test
    void personalDataIsAlwaysThereAndCarriesAMarker() throws IOException {
        GeneratedExport export = ExportGenerator.generate(MIXED.withFiles(3).withFormat(ExportFormat.CSV), dir);
        for (GeneratedFile file : export.files()) {
            String text = stripBom(new String(Files.readAllBytes(file.path()), oracleCharset(file.path())));
            char delimiter = text.substring(0, text.indexOf('\n')).contains(";") ? ';' : ',';
            List<Rfc4180.Record> records = Rfc4180.parse(text, delimiter);
            List<String> headers = records.get(0).fields();
            int name = indexOf(headers, "naam melder");
            int phone = indexOf(headers, "telefoonnummer melder");
            int mail = indexOf(headers, "e-mailadres melder");
            int subject = indexOf(headers, "naam betrokkene");
            int note = indexOf(headers, "toelichting");
            assertThat(List.of(name, phone, mail, subject, note)).allMatch(i -> i >= 0);
            int filled = 0;
            for (Rfc4180.Record record : records.subList(1, records.size())) {
                List<String> fields = record.fields();
                for (int column : List.of(name, mail, subject, note)) {
                    String value = fields.get(column);
                    if (!value.isEmpty()) {
                        assertThat(ExportGenerator.PERSONAL_MARKERS).anyMatch(m -> value.toLowerCase(Locale.ROOT)
                                .contains(m.toLowerCase(Locale.ROOT)));
                        filled++;
                    }
                }
                String number = fields.get(phone);
                assertThat(number.isEmpty() || ExportGenerator.PHONE_PATTERN.matcher(number).matches()).as(number).isTrue();
                String toelichting = fields.get(note);
                assertThat(toelichting).contains("\"").containsAnyOf("\n", "\r\n").contains(";").contains(",");
            }
            assertThat(filled).isGreaterThan(records.size() * 2);
        }
    }

    @Test
    void writesEachDialectAsAsked() throws IOException {
        GeneratedExport export = ExportGenerator.generate(MIXED.withFiles(3).withFormat(ExportFormat.CSV).withRequests(200), dir);
        byte[] excel = Files.readAllBytes(export.files().get(0).path());
        byte[] legacy = Files.readAllBytes(export.files().get(1).path());
        byte[] comma = Files.readAllBytes(export.files().get(2).path());

        assertThat(excel).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(excel, StandardCharsets.UTF_8)).startsWith("\uFEFFVerzoeknummer;Laatst gewijzigd;").contains("\r\n");
        assertThat(oracle.read(export.files().get(0).path()).charset()).isEqualTo(StandardCharsets.UTF_8);

        assertThat(legacy[0]).isNotEqualTo((byte) 0xEF);
        assertThat(oracle.read(export.files().get(1).path()).charset().name()).isEqualTo("windows-1252");
        assertThat(new String(legacy, CsvDialect.WINDOWS_1252)).containsAnyOf("ë", "é", "€", "ï", "ö");

        assertThat(comma[0]).isNotEqualTo((byte) 0xEF);
        String commaText = new String(comma, StandardCharsets.UTF_8);
        assertThat(commaText.substring(0, commaText.indexOf('\n'))).contains(",").doesNotContain(";").doesNotContain("\r");
    }

    @Test
    void truthOfOneRequestEqualsItsPlaceInTheStream() {
        List<GeneratedRequest> all = ExportGenerator.truth(MIXED).toList();
        assertThat(ExportGenerator.truth(MIXED, 1234)).isEqualTo(all.get(1234));
        assertThat(all).extracting(GeneratedRequest::requestNumber).doesNotHaveDuplicates();
        assertThat(all.get(0).requestNumber()).isEqualTo("HAL-2024-000001");
    }

    @Test
    void requestNumbersRestartEachYear() {
        GeneratorSpec spec = GeneratorSpec.of(1000, LocalDate.of(2023, 7, 1), LocalDate.of(2024, 6, 30));
        List<GeneratedRequest> all = ExportGenerator.truth(spec).toList();
        GeneratedRequest firstOf2024 = all.stream().filter(r -> r.received().getYear() == 2024).findFirst().orElseThrow();
        assertThat(firstOf2024.requestNumber()).isEqualTo("HAL-2024-000001");
        assertThat(all.get(all.size() - 1).requestNumber()).startsWith("HAL-2024-000");
        assertThat(all).extracting(GeneratedRequest::requestNumber).doesNotHaveDuplicates();
    }

    private static int indexOf(List<String> headers, String header) {
        for (int i = 0; i < headers.size(); i++) {
            if (ContractOracle.normalise(headers.get(i)).equals(header)) {
                return i;
            }
        }
        return -1;
    }

    private static java.nio.charset.Charset oracleCharset(Path file) throws IOException {
        return oracle.read(file).charset();
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
