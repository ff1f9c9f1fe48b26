package nl.helpline.warehouse.extract;

import static nl.helpline.warehouse.extract.TestExport.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract's row rules, each on its own row. Rows start as a valid closed request
 * ({@link TestExport}); every record spans two physical lines because Toelichting holds a line
 * break, so the n-th data row starts on line 2n.
 */
class RowValidationTest {

    @TempDir
    Path dir;

    private final ExportFiles files = new ExportFiles(TestMappings.mapping());

    private CollectingSink read(TestExport.Row... rows) throws IOException, FileRejectedException {
        CollectingSink sink = new CollectingSink();
        ReadResult result = files.read(TestExport.csv().add(rows).write(dir.resolve("export.csv")), sink);
        assertThat(result.rowsRead()).isEqualTo(sink.rows.size() + sink.rejects.size());
        return sink;
    }

    private static TestExport.Row valid() {
        return row("HAL-2024-000001", "05-02-2024 10:15");
    }

    @Test
    void aValidRowBecomesCodes() throws Exception {
        ExportRow row = read(valid()
                .set("Verschijningsvormen", "Jihadisme|Rechts extremisme")
                .set("Hulpvragen", "Is de situatie zorgelijk?|Informatievraag")
                .set("Opvolging", "Aanvullende ondersteuning")
                .set("Aanvullende ondersteuning", "Forsa|GGZ consultatie")
                .set("Eerste contact", "Email")).onlyRow();
        assertThat(row).isEqualTo(new ExportRow(2, "HAL-2024-000001", LocalDateTime.of(2024, 2, 5, 10, 15),
                LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 20), "CLOSED", "EMAIL", "PROFESSIONAL", "EDUCATION",
                List.of("JIHADISM", "RIGHT_WING"), List.of("IS_CONCERNING", "INFORMATION"), "ADDITIONAL",
                List.of("FORSA", "MENTAL_HEALTH"), 2));
    }

    @ParameterizedTest(name = "{0} empty")
    @CsvSource({"Verzoeknummer", "Laatst gewijzigd", "Datum binnenkomst", "Status", "Eerste contact", "Type aanvrager"})
    void aMissingRequiredValueRejectsTheRow(String column) throws Exception {
        RowReject reject = read(valid(), valid().set(column, "  ")).rejects.get(0);
        assertThat(reject).isEqualTo(new RowReject(4, column, null, column + " is required but empty"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "Laatst gewijzigd|05-02-2024",
            "Laatst gewijzigd|2024-02-05T25:00",
            "Laatst gewijzigd|gisteren",
            "Datum binnenkomst|31-02-2024",
            "Datum binnenkomst|10/01/2024",
            "Datum afgesloten|2024-1-20",
            "Datum afgesloten|20-01-24"})
    void aDateThatDoesNotParseRejectsTheRow(String column, String value) throws Exception {
        RowReject reject = read(valid().set(column, value)).onlyReject();
        assertThat(reject.line()).isEqualTo(2);
        assertThat(reject.column()).isEqualTo(column);
        assertThat(reject.value()).isEqualTo(value);
        assertThat(reject.reason()).startsWith(column + " '" + value + "' is not a valid date");
    }

    @Test
    void allContractDateFormsAreAccepted() throws Exception {
        CollectingSink sink = read(
                valid().set("Laatst gewijzigd", "05-02-2024 10:15:30").set("Datum binnenkomst", "5-1-2024").set("Datum afgesloten", "2024-01-20"),
                valid().set("Laatst gewijzigd", "2024-02-05T10:15").set("Datum binnenkomst", "2024-01-05"),
                valid().set("Laatst gewijzigd", "2024-02-05 10:15:30"));
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.rows).extracting(ExportRow::lastModified).containsExactly(
                LocalDateTime.of(2024, 2, 5, 10, 15, 30), LocalDateTime.of(2024, 2, 5, 10, 15), LocalDateTime.of(2024, 2, 5, 10, 15, 30));
        assertThat(sink.rows.get(0).received()).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(sink.rows.get(0).closed()).isEqualTo(LocalDate.of(2024, 1, 20));
    }

    @Test
    void closedBeforeReceivedRejectsTheRow() throws Exception {
        RowReject reject = read(valid().set("Datum binnenkomst", "05-02-2024").set("Datum afgesloten", "01-02-2024")).onlyReject();
        assertThat(reject).isEqualTo(new RowReject(2, "Datum afgesloten", "01-02-2024",
                "Datum afgesloten 01-02-2024 is before Datum binnenkomst 05-02-2024"));
    }

    @Test
    void closedOnTheDayItCameInIsFine() throws Exception {
        assertThat(read(valid().set("Datum binnenkomst", "05-02-2024").set("Datum afgesloten", "2024-02-05")).onlyRow().closed())
                .isEqualTo(LocalDate.of(2024, 2, 5));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '#', value = {
            "Status#Gesloten#Gesloten",
            "Eerste contact#Postduif#Postduif",
            "Type aanvrager#Onbekend#Onbekend",
            "Werkterrein#Politie#Politie",
            "Verschijningsvormen#Jihadisme|Anarchisme#Anarchisme",
            "Hulpvragen#Informatievraag|Wat nu?#Wat nu?",
            "Opvolging#Doorverwezen#Doorverwezen",
            "Aanvullende ondersteuning#Forsa|Buurtteam#Buurtteam"})
    void aValueOutsideTheCodeListRejectsTheRow(String column, String value, String offending) throws Exception {
        TestExport.Row row = valid().set(column, value);
        if (column.equals("Aanvullende ondersteuning")) {
            row.set("Opvolging", "Aanvullende ondersteuning");
        }
        RowReject reject = read(row).onlyReject();
        assertThat(reject.line()).isEqualTo(2);
        assertThat(reject.column()).isEqualTo(column);
        assertThat(reject.value()).isEqualTo(offending);
        assertThat(reject.reason()).contains("'" + offending + "' is not a known value").contains("mappings.yml");
    }

    @Test
    void aClosedRequestNeedsAClosingDateAndAFollowUp() throws Exception {
        CollectingSink sink = read(valid().set("Datum afgesloten", ""), valid().set("Opvolging", " "));
        assertThat(sink.rows).isEmpty();
        assertThat(sink.rejects).containsExactly(
                new RowReject(2, "Datum afgesloten", null, "A closed request (Status Afgesloten) needs Datum afgesloten, which is empty"),
                new RowReject(4, "Opvolging", null, "A closed request (Status Afgesloten) needs Opvolging, which is empty"));
    }

    @Test
    void additionalSupportAsFollowUpNeedsAtLeastOneKind() throws Exception {
        RowReject reject = read(valid().set("Opvolging", "Aanvullende ondersteuning").set("Aanvullende ondersteuning", " | ")).onlyReject();
        assertThat(reject).isEqualTo(new RowReject(2, "Aanvullende ondersteuning", null,
                "Opvolging Aanvullende ondersteuning needs at least one Aanvullende ondersteuning, which is empty"));
    }

    @Test
    void openRequestsNeedNeitherClosingDateNorFollowUpAndCarryNoClosingDate() throws Exception {
        CollectingSink sink = read(
                valid().set("Status", "Open").set("Datum afgesloten", "").set("Opvolging", ""),
                valid().set("Status", "In behandeling").set("Datum afgesloten", "20-01-2024"));
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.rows).extracting(ExportRow::status).containsExactly("OPEN", "IN_PROGRESS");
        assertThat(sink.rows).extracting(ExportRow::closed).containsOnlyNulls();
        assertThat(sink.rows.get(0).followUp()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"3,3", "0,0", "3.0,3", "12.00,12", "' 7 ',7"})
    void conversationsAreWholeNumbers(String value, int expected) throws Exception {
        assertThat(read(valid().set("Aantal gesprekken", value)).onlyRow().conversations()).isEqualTo(expected);
    }

    @Test
    void blankConversationsAreNull() throws Exception {
        assertThat(read(valid().set("Aantal gesprekken", "")).onlyRow().conversations()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-1", "3.5", "drie", "'1,000'", "'3,0'", ".0", "1e3", "-999999"})
    void conversationsThatAreNotAWholeNumberRejectTheRow(String value) throws Exception {
        RowReject reject = read(valid().set("Aantal gesprekken", value)).onlyReject();
        assertThat(reject).isEqualTo(new RowReject(2, "Aantal gesprekken", value,
                "Aantal gesprekken '" + value + "' is not a whole number of 0 or more"));
    }

    /** Changed with issue 9: a number as long as a phone number is not quoted. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"99999999999", "0612345678", "Twee of drie"})
    void conversationsThatLookLikeFreeTextAreRejectedWithoutTheirValue(String value) throws Exception {
        RowReject reject = read(valid().set("Aantal gesprekken", value)).onlyReject();
        assertThat(reject).isEqualTo(new RowReject(2, "Aantal gesprekken", null,
                "Aantal gesprekken: value withheld (looks like free text) is not a whole number of 0 or more"));
    }

    @Test
    void workDomainIsUnknownForAProfessionalWithoutOneAndNotApplicableForCitizens() throws Exception {
        CollectingSink sink = read(
                valid().set("Werkterrein", ""),
                valid().set("Type aanvrager", "Burger").set("Werkterrein", ""),
                valid().set("Type aanvrager", "burger").set("Werkterrein", "Zorg"),
                valid().set("Type aanvrager", "Niet-professional").set("Werkterrein", "iets onleesbaars"));
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.rows).extracting(ExportRow::workDomain)
                .containsExactly("UNKNOWN", "NOT_APPLICABLE", "NOT_APPLICABLE", "NOT_APPLICABLE");
        assertThat(sink.rows).extracting(ExportRow::requesterType)
                .containsExactly("PROFESSIONAL", "CITIZEN", "CITIZEN", "CITIZEN");
    }

    @Test
    void multiValuedFieldsSkipBlanksDropDuplicatesAndKeepOrder() throws Exception {
        ExportRow row = read(valid()
                .set("Verschijningsvormen", " Complotdenken | | jihadisme|Rechts extremisme|COMPLOTDENKEN|")
                .set("Hulpvragen", "")).onlyRow();
        assertThat(row.phenomena()).containsExactly("CONSPIRACY", "JIHADISM", "RIGHT_WING");
        assertThat(row.helpQuestions()).isEmpty();
    }

    @Test
    void blankPhenomenaAreAnEmptyList() throws Exception {
        assertThat(read(valid().set("Verschijningsvormen", "")).onlyRow().phenomena()).isEmpty();
    }

    @Test
    void synonymsFromTheMappingAreAccepted() throws Exception {
        ExportRow row = read(valid()
                .set("Eerste contact", "e-mail")
                .set("Status", "  AFGESLOTEN ")
                .set("Werkterrein", "Veiligheidsdomein")
                .set("Verschijningsvormen", "Rechts extremisme|Mixed")
                .set("Opvolging", "Aanvullend")
                .set("Aanvullende ondersteuning", "GGZ consultatie|Landelijk Interventieteam Vreemdelingenketen (LIV)")).onlyRow();
        assertThat(row.channel()).isEqualTo("EMAIL");
        assertThat(row.status()).isEqualTo("CLOSED");
        assertThat(row.workDomain()).isEqualTo("SECURITY");
        assertThat(row.phenomena()).containsExactly("RIGHT_WING", "MIXED");
        assertThat(row.additionalSupport()).containsExactly("MENTAL_HEALTH", "LIV");
    }

    @Test
    void theFirstProblemInContractColumnOrderIsTheOneReported() throws Exception {
        RowReject reject = read(valid()
                .set("Aantal gesprekken", "veel")
                .set("Eerste contact", "Postduif")
                .set("Datum binnenkomst", "gisteren")
                .set("Opvolging", "")).onlyReject();
        assertThat(reject.column()).isEqualTo("Datum binnenkomst");
    }

    @Test
    void singleColumnProblemsComeBeforeRulesBetweenColumns() throws Exception {
        RowReject reject = read(valid().set("Datum afgesloten", "").set("Aantal gesprekken", "veel")).onlyReject();
        assertThat(reject.column()).isEqualTo("Aantal gesprekken");
    }

    /** Changed with issue 9: a long value used to be cut to a hundred characters and quoted; now it is withheld. */
    @Test
    void aLongValueIsWithheldNotCut() throws Exception {
        String longValue = "Postduif ".repeat(30);
        RowReject reject = read(valid().set("Eerste contact", longValue)).onlyReject();
        assertThat(reject.value()).isNull();
        assertThat(reject.reason()).isEqualTo("Eerste contact: value withheld (looks like free text) is not a known value"
                + " of the code list; the case system must export one of its labels here").doesNotContain("Postduif");
    }

    @Test
    void theRequestNumberIsNeverQuotedInAReject() throws Exception {
        CollectingSink sink = read(
                row("HAL-GEHEIM-1", "gisteren"),
                row("HAL-GEHEIM-2", "05-02-2024 10:15").set("Status", "Gesloten"),
                row("HAL-GEHEIM-3", "05-02-2024 10:15").set("Opvolging", ""));
        assertThat(sink.rejects).hasSize(3);
        assertThat(sink.rejects.toString()).doesNotContain("GEHEIM");
    }
}
