package nl.helpline.warehouse.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.generate.ExportGenerator;
import nl.helpline.warehouse.generate.GeneratedRequest;
import nl.helpline.warehouse.generate.GeneratorSpec;
import nl.helpline.warehouse.report.ReportService;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A release as an operator makes one: an explicit act, recorded and immutable; a second release of
 * a period is its next version with revised cells marked; one that cannot be protected leaves
 * everything as it was; the outbox holds a file exactly when the register does; nothing on screen
 * holds a withheld count. One warehouse, in order: each step builds on the last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleaseCommandTest {

    @TempDir
    static Path work;

    static TestDatabase db;
    static JdbcTemplate jdbc;
    static List<GeneratedRequest> truth;
    static Path inbox;
    static Path out;

    @BeforeAll
    static void load() throws Exception {
        inbox = work.resolve("inbox");
        out = work.resolve("out");
        truth = ExportGenerator.generate(GeneratorSpec.of(450, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).withSeed(23), inbox)
                .truth().toList();
        db = TestDatabase.create();
        jdbc = db.jdbc();
        assertThat(Cli.run(db, "load", "--inbox", inbox.toString()).exitCode()).isIn(ExitCode.OK, ExitCode.DONE_WITH_REJECTS);
    }

    @AfterAll
    static void drop() {
        db.drop();
    }

    @Test
    @Order(1)
    void aDraftSaysSoAndIsNoRelease() throws Exception {
        Cli.Result draft = Cli.run(db, "report", "--period", "2024-Q1", "--out", out.toString());
        assertThat(draft.exitCode()).as(draft.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.resolve("helpline-2024-Q1.nl.concept.xlsx")).exists();
        assertThat(out.resolve("helpline-2024-Q1.nl.concept.cells.csv")).exists();
        assertThat(draft.out()).contains("draft").contains("must not leave the organisation")
                .as("no sum of withheld counts").doesNotContain("counted");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report.release", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report.publication WHERE file_name = 'helpline-2024-Q1.nl.concept.xlsx'",
                Long.class)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aReleaseIsRecordedWithItsFilesAndMembersAndCannotBeChanged() throws Exception {
        Cli.Result release = Cli.run(db, "release", "--period", "2024-H1", "--out", out.toString());
        assertThat(release.exitCode()).as(release.toString()).isEqualTo(ExitCode.OK);
        assertThat(release.out()).contains("Released helpline 2024-H1 version 1")
                .as("drafts constrain nothing: the Q1 draft is not what it was protected with").doesNotContain("2024-Q1");

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM report.release");
        assertThat(row).containsEntry("version", 1).containsEntry("released_by", System.getProperty("user.name"))
                .containsEntry("period_label", "2024-H1");
        long closedH1 = truth.stream().filter(r -> r.status().equals("CLOSED") && !r.channel().equals("CHAT")
                && r.received().isBefore(LocalDate.of(2024, 7, 1))).count();
        assertThat(((Number) row.get("members")).longValue()).isEqualTo(closedH1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report.release_member", Long.class)).isEqualTo(closedH1);
        for (Map<String, Object> file : jdbc.queryForList("SELECT * FROM report.release_file ORDER BY language")) {
            Path workbook = out.resolve((String) file.get("file_name"));
            assertThat(ReportService.sha256(workbook)).isEqualTo(file.get("file_sha256"));
            assertThat(ReportService.sha256(out.resolve((String) file.get("cells_name")))).isEqualTo(file.get("cells_sha256"));
        }
        assertThat(out.resolve("helpline-2024-H1.v1.nl.xlsx")).exists();
        assertThat(out.resolve("helpline-2024-H1.v1.en.xlsx")).exists();

        // The register is immutable, even to the warehouse's own role.
        for (String change : List.of("UPDATE report.release SET released_by = 'someone else'",
                "DELETE FROM report.release_cell", "UPDATE report.release_member SET request_key = request_key + 1",
                "DELETE FROM report.release_file", "TRUNCATE report.release CASCADE")) {
            assertThatThrownBy(() -> jdbc.execute(change)).as(change).hasMessageContaining("immutable");
        }

        Cli.Result status = Cli.run(db, "status", "--json");
        JsonNode json = JsonMapper.shared().readTree(status.out());
        assertThat(json.get("releases")).hasSize(1);
        assertThat(json.get("releases").get(0).get("current").asBoolean()).isTrue();
        assertThat(Cli.run(db, "status").out()).contains("* helpline").contains("2024-H1");
    }

    @Test
    @Order(3)
    void aRevisionIsTheNextVersionWithItsChangedCellsMarked() throws Exception {
        // Ten closed phone requests of H1 turn out to have come in by e-mail (moved between categories).
        List<GeneratedRequest> corrected = truth.stream()
                .filter(r -> r.status().equals("CLOSED") && r.channel().equals("PHONE") && r.received().isBefore(LocalDate.of(2024, 7, 1)))
                .limit(10).toList();
        ExportCsv correction = ExportCsv.create();
        for (GeneratedRequest r : corrected) {
            correction.add(correctedRow(r).set("Eerste contact", "E-mail"));
        }
        correction.write(inbox.resolve("correction-2025-02-01.csv"));
        assertThat(Cli.run(db, "load", "--inbox", inbox.toString()).exitCode()).isEqualTo(ExitCode.OK);

        Cli.Result second = Cli.run(db, "release", "--period", "2024-H1", "--out", out.toString());
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.OK);
        assertThat(second.out()).contains("version 2").contains("Revised since the previous version")
                .containsPattern("first_contact PHONE: \\d+ -> \\d+");
        assertThat(jdbc.queryForList("SELECT category FROM report.release_cell WHERE revised AND table_id = 'first_contact'", String.class))
                .contains("PHONE", "EMAIL");
        assertThat(Files.readAllLines(out.resolve("helpline-2024-H1.v2.nl.cells.csv")))
                .as("the revised column (15th)")
                .anySatisfy(line -> assertThat(line.split(",")).startsWith("first_contact", "PHONE").satisfies(f -> assertThat(f[14]).isEqualTo("true")))
                .anySatisfy(line -> assertThat(line.split(",")).startsWith("total", "TOTAL").satisfies(f -> assertThat(f[14]).isEqualTo("false")));
        assertThat(jdbc.queryForList("SELECT version FROM report.release ORDER BY version", Integer.class)).containsExactly(1, 2);
        assertThat(out.resolve("helpline-2024-H1.v1.nl.xlsx")).as("the first version stays as it was").exists();
    }

    @Test
    @Order(4)
    void aRevisionThatWouldGiveAwayOneRequestIsRefusedAndTheEarlierReleaseStands() throws Exception {
        // One request closed late: the total of H1 rises by one. Released, the difference of the
        // totals is that one request, and whatever else rose is its record.
        GeneratedRequest late = truth.stream()
                .filter(r -> !r.status().equals("CLOSED") && !r.channel().equals("CHAT") && r.received().isBefore(LocalDate.of(2024, 7, 1)))
                .findFirst().orElseThrow();
        ExportCsv closing = ExportCsv.create().add(ExportCsv.row(late.requestNumber(), "2025-03-01T10:00")
                .set("Datum binnenkomst", late.received().toString())
                .set("Datum afgesloten", late.received().plusDays(3).toString())
                .set("Status", "Afgesloten")
                .set("Opvolging", "Consultatie"));
        closing.write(inbox.resolve("late-closing-2025-03-01.csv"));
        Cli.Result load = Cli.run(db, "load", "--inbox", inbox.toString());
        assertThat(load.exitCode()).as(load.toString()).isEqualTo(ExitCode.OK);
        List<String> outboxBefore = outbox();
        long cellsBefore = jdbc.queryForObject("SELECT count(*) FROM report.release_cell", Long.class);

        Cli.Result third = Cli.run(db, "release", "--period", "2024-H1", "--out", out.toString());
        assertThat(third.exitCode()).as(third.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(third.err()).contains("Not released").contains("total.TOTAL");
        assertNoCounts(third.err());
        assertThat(outbox()).as("nothing written, nothing left pending").isEqualTo(outboxBefore);
        assertThat(jdbc.queryForList("SELECT version FROM report.release ORDER BY version", Integer.class)).containsExactly(1, 2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report.release_cell", Long.class)).isEqualTo(cellsBefore);
    }

    @Test
    @Order(5)
    void theOutboxHoldsAFileExactlyWhenTheRegisterDoes() throws Exception {
        // A crash after the register's commit: the release's file is still pending. The next report finishes the move.
        Path v2 = out.resolve("helpline-2024-H1.v2.en.xlsx");
        Path pending = out.resolve(".helpline-2024-H1.v2.en.xlsx.pending");
        Files.move(v2, pending);
        // A crash before a commit: a pending file the register does not know. The next report deletes it.
        Path stray = out.resolve(".helpline-2024-H2.v1.nl.xlsx.pending");
        Files.writeString(stray, "never registered");
        // A pending copy of a registered name with other bytes is no registered file either.
        Path forged = out.resolve(".helpline-2024-H1.v1.nl.cells.csv.pending");
        Files.writeString(forged, "table,category\n");
        String v1Cells = Files.readString(out.resolve("helpline-2024-H1.v1.nl.cells.csv"));

        Cli.Result next = Cli.run(db, "release", "--period", "2024-H2", "--out", out.toString());
        assertThat(next.exitCode()).as(next.toString()).isIn(ExitCode.OK, ExitCode.FAILED);
        assertThat(v2).exists();
        assertThat(pending).doesNotExist();
        assertThat(stray).doesNotExist();
        assertThat(forged).doesNotExist();
        assertThat(Files.readString(out.resolve("helpline-2024-H1.v1.nl.cells.csv"))).isEqualTo(v1Cells);

        // Every file in the outbox is registered with its bytes, as a draft or a release.
        for (String name : outbox()) {
            String sha = ReportService.sha256(out.resolve(name));
            long registered = jdbc.queryForObject("""
                    SELECT (SELECT count(*) FROM report.release_file WHERE (file_name = ? AND file_sha256 = ?) OR (cells_name = ? AND cells_sha256 = ?))
                         + (SELECT count(*) FROM report.publication WHERE (file_name = ? AND file_sha256 = ?) OR (cells_name = ? AND cells_sha256 = ?))
                    """, Long.class, name, sha, name, sha, name, sha, name, sha);
            assertThat(registered).as(name + " is registered with its bytes").isPositive();
        }
    }

    @Test
    @Order(6)
    void theYearIsProtectedTogetherWithTheReleasedHalfYearsAndNoScreenShowsAWithheldCount() {
        Cli.Result year = Cli.run(db, "release", "--period", "2024", "--out", out.toString());
        if (year.exitCode() == ExitCode.OK) {
            assertThat(year.out()).contains("Protected together with").contains("2024-H1 (helpline version 2)");
            assertThat(year.out()).doesNotContain("counted");
        } else {
            assertThat(year.exitCode()).as(year.toString()).isEqualTo(ExitCode.FAILED);
            assertNoCounts(year.err());
        }
    }

    @Test
    @Order(7)
    void aDeclaredRecodingCombinesSmallCategoriesIntoOneRow() throws Exception {
        Path recoded = work.resolve("recoded");
        Cli.Result draft = Cli.run(db, "report", "--period", "2024-Q4", "--recode", "work_domain", "--out", recoded.toString());
        assertThat(draft.exitCode()).as(draft.toString()).isEqualTo(ExitCode.OK);
        List<String> workDomain = Files.readAllLines(recoded.resolve("helpline-2024-Q4.nl.concept.cells.csv")).stream()
                .filter(l -> l.startsWith("work_domain,")).toList();
        assertThat(workDomain).noneMatch(l -> l.startsWith("work_domain,YOUTH,") || l.startsWith("work_domain,MUNICIPALITY,"));
        String other = workDomain.stream().filter(l -> l.startsWith("work_domain,OTHER,")).findFirst().orElseThrow();
        assertThat(other).contains("Overig (met ").contains("jeugd").contains("gemeente");
        long expected = truth.stream().filter(r -> r.status().equals("CLOSED") && !r.channel().equals("CHAT")
                && r.requesterType().equals("PROFESSIONAL") && !r.received().isBefore(LocalDate.of(2024, 10, 1))
                && List.of("YOUTH", "MUNICIPALITY", "OTHER", "UNKNOWN").contains(r.workDomain())).count();
        String shown = csvFields(other).get(6);
        if (!shown.startsWith("<") && !shown.equals("[c]")) {
            assertThat(Long.parseLong(shown)).as("the group counts every request of the categories it combines").isEqualTo(expected);
        }
        Cli.Result unknown = Cli.run(db, "report", "--period", "2024-Q4", "--recode", "requester", "--out", recoded.toString());
        assertThat(unknown.exitCode()).as("a table without a declared recoding").isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("declares no recoding");
    }

    /** The fields of a cells.csv line (labels may hold quoted commas). */
    private static List<String> csvFields(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static ExportCsv.Row correctedRow(GeneratedRequest r) {
        return ExportCsv.row(r.requestNumber(), "2025-02-01T10:00")
                .set("Datum binnenkomst", r.received().toString())
                .set("Datum afgesloten", r.closed().toString())
                .set("Type aanvrager", r.requesterType().equals("PROFESSIONAL") ? "Professional" : "Burger")
                .set("Werkterrein", ExportCsv.workDomainLabel(r.workDomain()))
                .set("Opvolging", r.followUp().equals("ADDITIONAL") ? "Aanvullende ondersteuning" : "Consultatie")
                .set("Aanvullende ondersteuning", String.join("|", r.additionalSupport().stream().map(ExportCsv::supportLabel).toList()));
    }

    /** A refusal names cells, periods and versions; it never states a number of requests. */
    private static void assertNoCounts(String message) {
        String words = message.replaceAll("and \\d+ more", "and more").replaceAll("\\d{4}-(H|Q)\\d", "P").replaceAll("\\b\\d{4}\\b", "Y").replaceAll("\\bv\\d+\\b", "v")
                .replaceAll("version \\d+", "version");
        Matcher number = Pattern.compile("\\d+").matcher(words);
        assertThat(number.find()).as("a number in: " + message).isFalse();
    }

    private static List<String> outbox() throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

}
