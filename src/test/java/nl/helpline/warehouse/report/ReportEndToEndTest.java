package nl.helpline.warehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.generate.ExportGenerator;
import nl.helpline.warehouse.generate.GeneratedRequest;
import nl.helpline.warehouse.generate.GeneratorSpec;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.TestDatabase;

/**
 * Generated exports in, period reports out: every number the report publishes is recomputed here
 * from the generator's records, independently of the warehouse, and every withheld number is
 * checked to be what its marker says.
 */
class ReportEndToEndTest {

    private static final GeneratorSpec SPEC = GeneratorSpec.of(450, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))
            .withSeed(11).withFiles(3).withBadRowRate(0.01);
    private static final Set<String> CODE_LIST_CATEGORIES = Set.of(
            "requester:PROFESSIONAL", "requester:CITIZEN", "first_contact:PHONE", "first_contact:EMAIL", "first_contact:OTHER",
            "work_domain:SECURITY", "work_domain:EDUCATION", "work_domain:CARE", "work_domain:SOCIAL", "work_domain:MUNICIPALITY",
            "work_domain:YOUTH", "work_domain:OTHER", "phenomenon:JIHADISM", "phenomenon:RIGHT_WING", "phenomenon:LEFT_WING",
            "phenomenon:ANTI_INSTITUTIONAL", "phenomenon:CONSPIRACY", "phenomenon:MIXED", "phenomenon:OTHER",
            "help_question:IS_CONCERNING", "help_question:STAY_IN_CONTACT", "help_question:HELP_OR_REFER",
            "help_question:INFORMATION", "help_question:OTHER", "follow_up:CONSULTATION", "follow_up:ADDITIONAL",
            "additional_support:FORSA", "additional_support:FAMILY", "additional_support:LIV", "additional_support:MENTAL_HEALTH",
            "total:TOTAL");

    @TempDir
    static Path work;
    static TestDatabase db;
    static List<GeneratedRequest> truth;

    @BeforeAll
    static void loadGeneratedExports() throws Exception {
        Path inbox = work.resolve("inbox");
        truth = ExportGenerator.generate(SPEC, inbox).truth().toList();
        db = TestDatabase.create();
        Cli.Result load = Cli.run(db, "load", "--inbox", inbox.toString());
        assertThat(load.exitCode()).as(load.toString()).isEqualTo(ExitCode.DONE_WITH_REJECTS);
    }

    record CsvCell(String table, String category, String label, String count, String percent, String status) {
    }

    @Test
    void everyPublishedNumberOfTheHalfYearIsRecomputedFromTheRecords() throws Exception {
        Path out = work.resolve("h1");
        Cli.Result report = Cli.run(db, "report", "--period", "2024-H1", "--out", out.toString());
        assertThat(report.exitCode()).as(report.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.resolve("helpline-2024-H1.nl.concept.xlsx")).exists();
        List<CsvCell> cells = readCells(out.resolve("helpline-2024-H1.nl.concept.cells.csv"));

        Map<String, Long> expected = expectedCounts(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));
        Map<String, CsvCell> byKey = new LinkedHashMap<>();
        for (CsvCell c : cells) {
            byKey.put(c.table() + ":" + c.category(), c);
        }
        assertThat(byKey.keySet()).as("every category of every code list has a row").containsAll(CODE_LIST_CATEGORIES);
        for (String key : byKey.keySet()) {
            assertThat(CODE_LIST_CATEGORIES.contains(key) || key.endsWith(":UNKNOWN")).as(key).isTrue();
        }
        int primary = 0;
        for (Map.Entry<String, CsvCell> e : byKey.entrySet()) {
            long truthCount = expected.getOrDefault(e.getKey(), 0L);
            CsvCell cell = e.getValue();
            switch (cell.status()) {
                case "published" -> {
                    assertThat(Long.parseLong(cell.count())).as(e.getKey()).isEqualTo(truthCount);
                    assertThat(truthCount).as("no small count is published: " + e.getKey()).matches(v -> v == 0 || v >= 5);
                }
                case "primary" -> {
                    assertThat(truthCount).as(e.getKey()).isBetween(1L, 4L);
                    assertThat(cell.count()).isEmpty();
                    assertThat(cell.percent()).isEmpty();
                    primary++;
                }
                case "secondary" -> {
                    assertThat(truthCount).as(e.getKey()).isGreaterThanOrEqualTo(5L);
                    assertThat(cell.count()).isEmpty();
                    assertThat(cell.percent()).isEmpty();
                }
                default -> throw new AssertionError("unknown status " + cell.status());
            }
        }
        assertThat(primary).as("the test data must exercise suppression").isGreaterThan(0);
        if (key(byKey, "total:TOTAL").status().equals("published")) {
            long total = expected.get("total:TOTAL");
            CsvCell phone = key(byKey, "first_contact:PHONE");
            if (phone.status().equals("published")) {
                assertThat(Double.parseDouble(phone.percent())).isCloseTo(100.0 * expected.get("first_contact:PHONE") / total,
                        org.assertj.core.data.Offset.offset(0.051));
            }
        }
        assertThat(expected.get("total:TOTAL")).isEqualTo(Long.parseLong(key(byKey, "total:TOTAL").count()));
        assertThat(report.out()).contains("Audit:");
    }

    @Test
    void theSameWarehouseGivesTheSameBytesAndTheYearIsProtectedTogetherWithTheHalfYear() throws Exception {
        Path first = work.resolve("again-1");
        Path second = work.resolve("again-2");
        assertThat(Cli.run(db, "report", "--period", "2024-Q1", "--out", first.toString()).exitCode()).isEqualTo(ExitCode.OK);
        Cli.Result again = Cli.run(db, "report", "--period", "2024-Q1", "--out", second.toString());
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).contains("No published cell changed since the previous publication of this period");
        assertThat(Files.readAllBytes(second.resolve("helpline-2024-Q1.nl.concept.xlsx"))).isEqualTo(Files.readAllBytes(first.resolve("helpline-2024-Q1.nl.concept.xlsx")));
        assertThat(Files.readAllBytes(second.resolve("helpline-2024-Q1.nl.concept.cells.csv"))).isEqualTo(Files.readAllBytes(first.resolve("helpline-2024-Q1.nl.concept.cells.csv")));

        // Drafts constrain nothing; a release constrains every later report.
        Cli.Result draftYear = Cli.run(db, "report", "--period", "2024", "--lang", "en", "--out", work.resolve("draft-year").toString());
        assertThat(draftYear.out()).doesNotContain("Protected together with");
        Cli.Result released = Cli.run(db, "release", "--period", "2024-Q1", "--out", work.resolve("released").toString());
        assertThat(released.exitCode()).as(released.toString()).isEqualTo(ExitCode.OK);
        Cli.Result year = Cli.run(db, "report", "--period", "2024", "--lang", "en", "--out", work.resolve("year").toString());
        assertThat(year.exitCode()).as(year.toString()).isEqualTo(ExitCode.OK);
        assertThat(year.out()).contains("Protected together with the releases").contains("2024-Q1 (helpline version 1)");
        List<CsvCell> cells = readCells(work.resolve("year").resolve("helpline-2024.en.concept.cells.csv"));
        assertThat(cells).anySatisfy(c -> assertThat(c.label()).isEqualTo("Phone"));
        Map<String, Long> expected = expectedCounts(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        for (CsvCell c : cells) {
            if (c.status().equals("published")) {
                assertThat(Long.parseLong(c.count())).as(c.table() + ":" + c.category())
                        .isEqualTo(expected.getOrDefault(c.table() + ":" + c.category(), 0L));
            }
        }
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM report.publication", Long.class)).isGreaterThanOrEqualTo(3);
    }

    private static CsvCell key(Map<String, CsvCell> cells, String key) {
        return cells.get(key);
    }

    /** The report's tables, counted straight from the generator's final states. */
    static Map<String, Long> expectedCounts(LocalDate from, LocalDate to) {
        Map<String, Long> counts = new HashMap<>();
        for (GeneratedRequest r : truth) {
            if (!r.status().equals("CLOSED") || r.channel().equals("CHAT") || r.received().isBefore(from) || r.received().isAfter(to)) {
                continue;
            }
            add(counts, "total:TOTAL");
            add(counts, "requester:" + r.requesterType());
            add(counts, "first_contact:" + switch (r.channel()) {
                case "PHONE", "EMAIL" -> r.channel();
                default -> "OTHER";
            });
            if (r.requesterType().equals("PROFESSIONAL")) {
                add(counts, "work_domain:" + r.workDomain());
            }
            (r.phenomena().isEmpty() ? List.of("UNKNOWN") : r.phenomena()).stream().distinct().forEach(p -> add(counts, "phenomenon:" + p));
            (r.helpQuestions().isEmpty() ? List.of("UNKNOWN") : r.helpQuestions()).stream().distinct().forEach(h -> add(counts, "help_question:" + h));
            add(counts, "follow_up:" + r.followUp());
            if ("ADDITIONAL".equals(r.followUp())) {
                r.additionalSupport().stream().distinct().forEach(s -> add(counts, "additional_support:" + s));
            }
        }
        return counts;
    }

    private static void add(Map<String, Long> counts, String key) {
        counts.merge(key, 1L, Long::sum);
    }

    static List<CsvCell> readCells(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0).replace("\uFEFF", "")).startsWith("table,category,label,count,percent,status,");
        List<CsvCell> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = splitCsv(line);
            cells.add(new CsvCell(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5)));
        }
        return cells;
    }

    private static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
