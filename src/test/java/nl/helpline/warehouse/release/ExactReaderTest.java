package nl.helpline.warehouse.release;

import static nl.helpline.warehouse.release.HandRegister.request;
import static nl.helpline.warehouse.release.HandRegister.requests;
import static nl.helpline.warehouse.release.HandRegister.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.release.HandRegister.Request;
import nl.helpline.warehouse.release.HandRegister.Table;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.TestDatabase;

/**
 * The independent reader on registers written by hand: it must find each leak the issue describes
 * (halves that add up to a published year, a revision that adds one request, a multi-valued table
 * that "adds up to more", overlapping ranges that give a month never published) and nothing where
 * the pattern keeps every small count open.
 */
class ExactReaderTest {

    static final List<Table> TABLES = List.of(
            new Table("total", "total", "total.TOTAL", List.of("TOTAL")),
            new Table("first_contact", "first_contact", "total.TOTAL", List.of("PHONE", "EMAIL", "OTHER")),
            new Table("phenomenon", "phenomenon", "total.TOTAL", List.of("LEFT", "RIGHT", "JIHAD")));

    static final List<Table> SUPPORT = List.of(
            new Table("total", "total", "total.TOTAL", List.of("TOTAL")),
            new Table("follow_up", "follow_up", "total.TOTAL", List.of("CONSULTATION", "ADDITIONAL")),
            new Table("additional_support", "additional_support", "follow_up.ADDITIONAL", List.of("FORSA", "FAMILY", "LIV", "MENTAL_HEALTH"),
                    List.of("follow_up.ADDITIONAL")));

    TestDatabase db;
    JdbcTemplate jdbc;
    HandRegister register;

    @BeforeEach
    void migratedWarehouse() throws Exception {
        db = TestDatabase.create();
        Path empty = Files.createTempDirectory("exact-reader-inbox");
        Cli.Result migrate = Cli.run(db, "load", "--inbox", empty.toString());
        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(ExitCode.OK);
        jdbc = db.jdbc();
        register = new HandRegister(jdbc);
    }

    @AfterEach
    void drop() {
        db.drop();
    }

    /** 20 requests: 12 phone, 8 e-mail; all RIGHT, the first {@code left} also LEFT. */
    static List<Request> half(long firstKey, int left) {
        List<Request> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String contact = i < 12 ? "first_contact.PHONE" : "first_contact.EMAIL";
            out.add(i < left ? request(firstKey + i, contact, "phenomenon.RIGHT", "phenomenon.LEFT")
                    : request(firstKey + i, contact, "phenomenon.RIGHT"));
        }
        return out;
    }

    static List<Request> both(List<Request> a, List<Request> b) {
        List<Request> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void halvesUnderFiveAndAPublishedYearOfEightGiveBothHalves() {
        List<Request> h1 = half(1, 4);
        List<Request> h2 = half(101, 4);
        register.release("hand", "H1", 5, false, TABLES, h1, shown("phenomenon.LEFT", "primary"));
        register.release("hand", "H2", 5, false, TABLES, h2, shown("phenomenon.LEFT", "primary"));
        register.release("hand", "Y", 5, false, TABLES, both(h1, h2), Map.of());

        ExactReader.Result result = ExactReader.read(jdbc);

        assertThat(result.pieces()).isEqualTo(2);
        assertThat(result.findings()).extracting(ExactReader.Finding::toString)
                .anyMatch(f -> f.startsWith("pinned < t: hand H1 v1 phenomenon.LEFT") && f.endsWith("4..4"))
                .anyMatch(f -> f.startsWith("pinned < t: hand H2 v1 phenomenon.LEFT"))
                .anyMatch(f -> f.startsWith("pinned piece count: piece{hand H1 v1, hand Y v1} phenomenon.LEFT"));
    }

    @Test
    void halvesUnderFiveAndAYearShownAsSuppressedKeepTheirRange() {
        List<Request> h1 = half(1, 2);
        List<Request> h2 = half(101, 4);
        register.release("hand", "H1", 5, false, TABLES, h1, shown("phenomenon.LEFT", "primary"));
        register.release("hand", "H2", 5, false, TABLES, h2, shown("phenomenon.LEFT", "primary"));
        register.release("hand", "Y", 5, false, TABLES, both(h1, h2), shown("phenomenon.LEFT", "secondary"));

        ExactReader.Result result = ExactReader.read(jdbc);

        assertThat(result.findings()).as(result.summary()).isEmpty();
        assertThat(result.solves()).isGreaterThan(0);
    }

    @Test
    void aSuppressedCellThatTheOtherPeriodsGiveBackIsPinned() {
        List<Request> h1 = half(1, 0);   // 12 phone, 8 e-mail
        List<Request> h2 = half(101, 0);
        register.release("hand", "H1", 5, false, TABLES, h1, shown("first_contact.EMAIL", "secondary", "first_contact.PHONE", "secondary"));
        register.release("hand", "H2", 5, false, TABLES, h2, Map.of());
        register.release("hand", "Y", 5, false, TABLES, both(h1, h2), Map.of());

        ExactReader.Result result = ExactReader.read(jdbc);

        assertThat(result.findings()).extracting(ExactReader.Finding::toString)
                .contains("pinned [c]: hand H1 v1 first_contact.EMAIL shown [c], derivable as one value",
                        "pinned [c]: hand H1 v1 first_contact.PHONE shown [c], derivable as one value");
    }

    @Test
    void aRevisionThatAddsOneRequestShowsItsWholeRecord() {
        List<Request> v1 = half(1, 0);
        List<Request> v2 = new ArrayList<>(v1);
        v2.add(request(500, "first_contact.OTHER", "phenomenon.JIHAD"));
        register.release("hand", "H1", 5, false, TABLES, v1, Map.of());
        register.release("hand", "H1", 5, false, TABLES, v2, shown("first_contact.OTHER", "primary", "phenomenon.JIHAD", "primary"));

        ExactReader.Result result = ExactReader.read(jdbc);

        assertThat(result.findings()).extracting(ExactReader.Finding::toString)
                .contains("pinned piece count: piece{hand H1 v2} total.TOTAL never published, small, derivable as one value",
                        "pinned < t: hand H1 v2 first_contact.OTHER shown < 5, derivable as 1..1",
                        "pinned version change: hand H1 v1 -> v2 total.TOTAL a small change between versions, derivable as one value");
    }

    @Test
    void aMovedAndAWithdrawnRequestFallIntoPiecesOfTheirOwn() {
        List<Request> v1 = half(1, 0);
        List<Request> v2 = new ArrayList<>(v1.subList(2, 20));     // request 1 withdrawn
        v2.add(request(2, "first_contact.EMAIL", "phenomenon.RIGHT")); // request 2 moved from phone to e-mail
        register.release("hand", "H1", 5, false, TABLES, v1, Map.of());
        register.release("hand", "H1", 5, false, TABLES, v2, Map.of());

        ExactReader.Result result = ExactReader.read(jdbc);

        assertThat(result.pieces()).as("unchanged, withdrawn + moved out, moved in").isEqualTo(3);
        assertThat(result.findings()).extracting(ExactReader.Finding::toString)
                .contains("pinned version change: hand H1 v1 -> v2 total.TOTAL a small change between versions, derivable as one value",
                        "pinned version change: hand H1 v1 -> v2 first_contact.PHONE a small change between versions, derivable as one value",
                        "pinned version change: hand H1 v1 -> v2 first_contact.EMAIL a small change between versions, derivable as one value");
    }

    @Test
    void aMultiValuedTableThatAddsUpToMoreNarrowsItsSmallCategory() {
        // ADDITIONAL 20: FORSA 8, FAMILY 5, MENTAL_HEALTH 6, LIV 2 (< 5): 21 > 20, so LIV is 2..4.
        List<Request> members = new ArrayList<>(requests(1, 10, "follow_up.CONSULTATION"));
        for (int i = 0; i < 20; i++) {
            String support = i < 8 ? "additional_support.FORSA" : i < 13 ? "additional_support.FAMILY"
                    : i < 19 ? "additional_support.MENTAL_HEALTH" : "additional_support.LIV";
            members.add(i == 0 ? request(100 + i, "follow_up.ADDITIONAL", support, "additional_support.LIV")
                    : request(100 + i, "follow_up.ADDITIONAL", support));
        }
        register.release("hand", "H1", 5, false, SUPPORT, members, shown("additional_support.LIV", "primary"));

        ExactReader.Result result = ExactReader.read(jdbc);

        assertThat(result.findings()).extracting(ExactReader.Finding::toString)
                .containsExactly("narrowed < t: hand H1 v1 additional_support.LIV shown < 5, derivable as 2..4");
    }

    @Test
    void aMultiValuedTableWhosePublishedCellsAddUpToMoreAnywayKeepsItsRange() {
        // FORSA 12, FAMILY 5, MENTAL_HEALTH 6 already exceed ADDITIONAL 20: LIV stays 1..4.
        List<Request> members = new ArrayList<>(requests(1, 10, "follow_up.CONSULTATION"));
        for (int i = 0; i < 20; i++) {
            List<String> cells = new ArrayList<>(List.of("follow_up.ADDITIONAL"));
            cells.add(i < 12 ? "additional_support.FORSA" : i < 17 ? "additional_support.FAMILY" : "additional_support.MENTAL_HEALTH");
            if (i < 3) {
                cells.add("additional_support.MENTAL_HEALTH");
            }
            if (i == 5 || i == 6) {
                cells.add("additional_support.LIV");
            }
            members.add(request(100 + i, cells.toArray(String[]::new)));
        }
        register.release("hand", "H1", 5, false, SUPPORT, members, shown("additional_support.LIV", "primary"));

        ExactReader.Result result = ExactReader.read(jdbc);

        assertThat(result.findings()).as(result.summary()).isEmpty();
    }

    @Test
    void overlappingRangesGiveTheMonthNeverPublished() {
        // months of 10 requests each; LEFT: Jan 3, Feb 3, Mar 1, Apr 3, May 4
        int[] left = {3, 3, 1, 3, 4};
        List<List<Request>> months = new ArrayList<>();
        for (int m = 0; m < 5; m++) {
            List<Request> month = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                month.add(i < left[m] ? request(100L * m + i, "first_contact.PHONE", "phenomenon.RIGHT", "phenomenon.LEFT")
                        : request(100L * m + i, "first_contact.PHONE", "phenomenon.RIGHT"));
            }
            months.add(month);
        }
        register.release("hand", "Jan-Mar", 5, false, TABLES, concat(months, 0, 3), Map.of());
        register.release("hand", "Mar-May", 5, false, TABLES, concat(months, 2, 5), Map.of());
        register.release("hand", "Jan-May", 5, false, TABLES, concat(months, 0, 5), Map.of());

        ExactReader.Result result = ExactReader.read(jdbc);

        assertThat(result.findings()).extracting(ExactReader.Finding::toString)
                .contains("pinned piece count: piece{hand Jan-Mar v1, hand Mar-May v1, hand Jan-May v1} phenomenon.LEFT never published, small, derivable as one value");
    }

    @Test
    void aRegisterWhoseTrueCountsContradictItsMembersIsNotReadAsSafe() {
        long id = register.release("hand", "H1", 5, false, TABLES, half(1, 4), shown("phenomenon.LEFT", "primary"));
        // the register is immutable, so the contradiction is made before the reader reads: a second
        // release claims a true count its members do not have
        jdbc.execute("ALTER TABLE report.release_cell DISABLE TRIGGER release_cell_immutable");
        jdbc.update("UPDATE report.release_cell SET true_count = 3 WHERE release_id = ? AND table_id = 'phenomenon' AND category = 'LEFT'", id);
        jdbc.execute("ALTER TABLE report.release_cell ENABLE TRIGGER release_cell_immutable");

        assertThatThrownBy(() -> ExactReader.read(jdbc)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("phenomenon.LEFT");
    }

    @Test
    void twoDefinitionsWithDifferentTableNamesShareTheRecordsOfTheRequestsBothCount() {
        // "all" counts chat (first_contact.CHAT) and calls its tables otherwise; "nochat" leaves chat out.
        List<Table> all = List.of(new Table("t0", "total", "t0.TOTAL", List.of("TOTAL")),
                new Table("t1", "first_contact", "t0.TOTAL", List.of("PHONE", "EMAIL", "CHAT")));
        List<Table> nochat = List.of(new Table("total", "total", "total.TOTAL", List.of("TOTAL")),
                new Table("first_contact", "first_contact", "total.TOTAL", List.of("PHONE", "EMAIL")));
        List<Request> withoutChat = new ArrayList<>(requests(1, 12, "first_contact.PHONE"));
        withoutChat.addAll(requests(100, 8, "first_contact.EMAIL"));
        List<Request> everyone = new ArrayList<>(withoutChat);
        everyone.add(request(900, "first_contact.CHAT"));
        register.release("nochat", "H1", 5, false, nochat, withoutChat, Map.of());
        register.release("all", "H1", 5, false, all, everyone, shown("t1.CHAT", "primary"));

        ExactReader.Result result = ExactReader.read(jdbc);

        assertThat(result.pieces()).isEqualTo(2);
        assertThat(result.findings()).extracting(ExactReader.Finding::toString)
                .contains("pinned < t: all H1 v1 t1.CHAT shown < 5, derivable as 1..1",
                        "pinned piece count: piece{all H1 v1} total.TOTAL never published, small, derivable as one value");
    }

    @Test
    void aRecodedRowIsTheSumOfItsCategoriesInTheReleasesThatShowThemApart() {
        // H1 shows OTHER and CHAT apart (OTHER < 5, CHAT [c]); the year combines them into one row
        // and H2 shows them apart, all published: H1's OTHER + CHAT = year's group - H2's = 7, so OTHER is 1..2.
        List<Table> apart = List.of(new Table("total", "total", "total.TOTAL", List.of("TOTAL")),
                new Table("first_contact", "first_contact", "total.TOTAL", List.of("PHONE", "OTHER", "CHAT")));
        List<Table> combined = List.of(new Table("total", "total", "total.TOTAL", List.of("TOTAL")),
                new Table("first_contact", "first_contact", "total.TOTAL", List.of("PHONE", "REST"), List.of(),
                        Map.of("REST", List.of("OTHER", "CHAT"))));
        List<Request> h1 = new ArrayList<>(requests(1, 20, "first_contact.PHONE"));
        h1.add(request(50, "first_contact.OTHER"));
        h1.addAll(requests(60, 6, "first_contact.CHAT"));
        List<Request> h2 = new ArrayList<>(requests(101, 20, "first_contact.PHONE"));
        h2.addAll(requests(150, 5, "first_contact.OTHER"));
        h2.addAll(requests(160, 6, "first_contact.CHAT"));
        register.release("hand", "H1", 5, false, apart, h1, shown("first_contact.OTHER", "primary", "first_contact.CHAT", "secondary"));
        register.release("hand", "H2", 5, false, apart, h2, Map.of());
        register.release("hand", "Y", 5, false, combined, both(h1, h2), Map.of());

        ExactReader.Result result = ExactReader.read(jdbc);

        assertThat(result.findings()).extracting(ExactReader.Finding::toString)
                .contains("narrowed < t: hand H1 v1 first_contact.OTHER shown < 5, derivable as 1..2");
    }

    private static List<Request> concat(List<List<Request>> months, int from, int to) {
        List<Request> out = new ArrayList<>();
        for (int m = from; m < to; m++) {
            out.addAll(months.get(m));
        }
        return out;
    }
}
