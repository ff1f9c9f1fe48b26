package nl.helpline.warehouse.extract;

import static nl.helpline.warehouse.extract.ExportColumn.CHANNEL;
import static nl.helpline.warehouse.extract.ExportColumn.CLOSED;
import static nl.helpline.warehouse.extract.ExportColumn.CONVERSATIONS;
import static nl.helpline.warehouse.extract.ExportColumn.HELP_QUESTIONS;
import static nl.helpline.warehouse.extract.ExportColumn.LAST_MODIFIED;
import static nl.helpline.warehouse.extract.ExportColumn.NOTE;
import static nl.helpline.warehouse.extract.ExportColumn.RECEIVED;
import static nl.helpline.warehouse.extract.ExportColumn.REPORTER_NAME;
import static nl.helpline.warehouse.extract.ExportColumn.REQUEST_NUMBER;
import static nl.helpline.warehouse.extract.ExportColumn.STATUS;
import static nl.helpline.warehouse.extract.TestExport.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No free text in rejects (issue 9): a value travels on only when its column is neither personal
 * data nor the request number and the value is a short token of its column's shape. Every
 * adversary here is a way a case worker puts a person into a field meant for a code.
 */
class RejectValuesTest {

    @TempDir
    Path dir;

    /** The issue's own example, and its relatives. */
    private static final String ISSUE_EXAMPLE = "Anders: moeder Fatima Yilmaz (06-12345678) belt over zoon Ahmed, 15";

    @ParameterizedTest(name = "withheld in a coded column: {0}")
    @ValueSource(strings = {
            ISSUE_EXAMPLE,
            "Jan de Vries",                        // a name: two words written like names
            "Piet Jansen",
            "Ahmed El Amrani",
            "0612345678", "06-12345678", "06 12 34 56 78", "+31 6 1234 5678", "+31612345678", "(010) 123 4567",
            "jan.devries@example.nl", "j@x",       // e-mail
            "zoon van 15",                         // digits have no place in a code
            "GGZ 2",
            "Is de situatie zorgelijk volgens moeder en oma",   // a sentence: too many words
            "Hulpvraag over radicalisering van de zoon van buren", // too long
            "Telefoon\nJan",                       // a line break
            "Telefoon;Jan",                        // punctuation no label has
            "Anders: zie toelichting",
            "Zorgen, over de buurjongen"})
    void freeTextInACodedColumnIsWithheld(String value) {
        assertThat(RejectValues.shown(CHANNEL, value)).isNull();
        assertThat(RejectValues.shown(HELP_QUESTIONS, value)).isNull();
        assertThat(RejectValues.describe(STATUS, value)).isEqualTo("value withheld (looks like free text)");
    }

    @ParameterizedTest(name = "shown in a coded column: {0}")
    @ValueSource(strings = {"Telefoon", "Postduif", "Fax", "WhatsApp", "Is de situatie zorgelijk?", "Rechts-extremisme",
            "Individuele begeleiding (Forsa)", "GGZ-consultatie", "Niet-professional", "e-mail", "Klacht", "Ecoextremisme",
            "Ouder/verzorger", "Brief of fax", "  Anders  "})
    void aShortLabelInACodedColumnIsShown(String value) {
        assertThat(RejectValues.shown(CHANNEL, value)).isEqualTo(value.strip());
    }

    @ParameterizedTest(name = "date column: {0}")
    @ValueSource(strings = {"32-13-2024", "05-02-2024", "2024-02-05T25:00", "10/01/2024", "2024.1.20", "20-01-24",
            "05-02-2024 10:15:30", "2024-02-05T10:15:30.123", "45321x", "gisteren"})
    void aDateLikeTokenOrALowerCaseWordIsShownInADateColumn(String value) {
        String expected = value.equals("45321x") ? null : value;
        assertThat(RejectValues.shown(RECEIVED, value)).isEqualTo(expected);
        assertThat(RejectValues.shown(LAST_MODIFIED, value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "withheld in a date column: {0}")
    @ValueSource(strings = {"0612345678", "06-12345678", "06-1234-5678", "06 12 34 56 78", "010-1234567", "Gisteren",
            "Jan de Vries", "jan@example.nl", "5-2-2024 na bellen moeder", "12345", "2024-02-05T10:15:30.123456789012"})
    void aPhoneNumberOrTextInADateColumnIsWithheld(String value) {
        assertThat(RejectValues.shown(CLOSED, value)).isNull();
    }

    @ParameterizedTest(name = "number column: {0}")
    @ValueSource(strings = {"-1", "2.5", "1,000", "1e3", "999999", "veel", "drie"})
    void aNumberLikeTokenIsShownInTheNumberColumn(String value) {
        assertThat(RejectValues.shown(CONVERSATIONS, value)).isEqualTo(value);
    }

    @ParameterizedTest(name = "withheld in the number column: {0}")
    @ValueSource(strings = {"0612345678", "06-12345678", "1234567", "Drie", "drie of vier", "3 (moeder)", "jan@x.nl"})
    void aPhoneNumberOrTextInTheNumberColumnIsWithheld(String value) {
        assertThat(RejectValues.shown(CONVERSATIONS, value)).isNull();
    }

    @Test
    void personalColumnsAndTheRequestNumberAreNeverShownWhateverTheyHold() {
        assertThat(RejectValues.shown(REQUEST_NUMBER, "HAL-1")).isNull();
        assertThat(RejectValues.shown(REPORTER_NAME, "Telefoon")).isNull();
        assertThat(RejectValues.shown(NOTE, "Chat")).isNull();
    }

    @ParameterizedTest(name = "header: {0}")
    @ValueSource(strings = {"Behandelaar", "Regio", "Opmerking café", "Kolom1", "Datum laatste contact", "Dossier_id",
            "Nr.", "Team #2"})
    void anOrdinaryHeaderNameIsShown(String name) {
        assertThat(RejectValues.headerName(name)).isEqualTo(name);
    }

    @ParameterizedTest(name = "header withheld: {0}")
    @ValueSource(strings = {ISSUE_EXAMPLE, "Jan de Vries", "0612345678", "melder@example.nl",
            "Moeder belt over zoon die steeds meer online zit", "Kolom 123"})
    void aHeaderThatLooksLikeFreeTextIsWithheld(String name) {
        assertThat(RejectValues.headerName(name)).isNull();
    }

    /** Through the reader: the issue's help question lands nowhere, neither as value nor in the reason. */
    @Test
    void theIssuesHelpQuestionIsNotQuotedByTheCsvReader() throws Exception {
        CollectingSink sink = new CollectingSink();
        new ExportFiles(TestMappings.mapping()).read(TestExport.csv().add(
                row("HAL-1", "05-02-2024 10:15").set("Hulpvragen", "Informatievraag|" + ISSUE_EXAMPLE),
                row("HAL-2", "Jan de Vries"),
                row("HAL-3", "05-02-2024 10:15").set("Aantal gesprekken", "0612345678"),
                row("HAL-4", "05-02-2024 10:15").set("Eerste contact", "Postduif")).write(dir.resolve("free.csv")), sink);
        assertThat(sink.rejects).extracting(RowReject::column)
                .containsExactly("Hulpvragen", "Laatst gewijzigd", "Aantal gesprekken", "Eerste contact");
        assertThat(sink.rejects).extracting(RowReject::value).containsExactly(null, null, null, "Postduif");
        assertThat(sink.rejects.get(0).reason()).isEqualTo("Hulpvragen: value withheld (looks like free text) is not a"
                + " known value of the code list; the case system must export one of its labels here");
        assertThat(sink.rejects.get(1).reason()).isEqualTo("Laatst gewijzigd: value withheld (looks like free text) is not a"
                + " valid date and time in the form dd-MM-yyyy HH:mm[:ss] or yyyy-MM-ddTHH:mm[:ss]");
        String everything = sink.rejects.toString();
        for (String part : List.of("Fatima", "Yilmaz", "Ahmed", "12345678", "moeder", "Vries", "0612345678")) {
            assertThat(everything).doesNotContain(part);
        }
    }

    @Test
    void theSameRuleHoldsInAWorkbook() throws Exception {
        Object[] header = TestExport.HEADER.toArray();
        Object[] cells = {"HAL-1", "05-02-2024 10:15", "10-01-2024", "20-01-2024", "Afgesloten", ISSUE_EXAMPLE,
                "Professional", "Onderwijs", "", "", "Consultatie", null, 2};
        CollectingSink sink = new CollectingSink();
        new ExportFiles(TestMappings.mapping()).read(TestWorkbook.xlsx().row(header).row(cells).write(dir.resolve("free.xlsx")), sink);
        assertThat(sink.onlyReject()).isEqualTo(new RowReject(2, "Eerste contact", null, "Eerste contact: value withheld"
                + " (looks like free text) is not a known value of the code list; the case system must export one of its labels here"));
    }

    @Test
    void headerNamesThatLookLikeFreeTextAreWithheldFromIgnoredColumnsAndReasons() throws Exception {
        List<String> header = new ArrayList<>(TestExport.HEADER);
        header.add("Behandelaar");
        header.add(ISSUE_EXAMPLE);
        CollectingSink sink = new CollectingSink();
        ReadResult result = new ExportFiles(TestMappings.mapping())
                .read(TestExport.csv().header(header).add(row("HAL-1", "05-02-2024 10:15")).write(dir.resolve("h.csv")), sink);
        assertThat(result.ignoredColumns()).containsExactly("Behandelaar", "column 20 (name withheld: looks like free text)");

        List<String> twice = new ArrayList<>(TestExport.HEADER);
        twice.add("Jan de Vries");
        twice.add("jan de vries");
        Path file = TestExport.csv().header(twice).add(row("HAL-1", "05-02-2024 10:15")).write(dir.resolve("twice.csv"));
        assertThatThrownBy(() -> new ExportFiles(TestMappings.mapping()).read(file, new CollectingSink()))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("twice.csv: the header has column (name withheld: looks like free text) twice (positions 19 and 20)");
    }
}
