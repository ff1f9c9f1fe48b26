package nl.helpline.warehouse.report.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The model is the contract with the report engine: it refuses what the writers must never see. */
class ReportModelTest {

    private static final PublishedCell A = PublishedCell.published("A", "a", 10, 50.0);
    private static final PublishedCell B = PublishedCell.published("B", "b", 10, 50.0);

    @Test
    void aSuppressedCellCannotCarryAValue() {
        assertThatThrownBy(() -> new PublishedCell("X", "x", 3L, null, CellStatus.PRIMARY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not carry");
        assertThatThrownBy(() -> new PublishedCell("X", "x", null, 3.3, CellStatus.PRIMARY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublishedCell("X", "x", 57L, 62.6, CellStatus.SECONDARY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PublishedCell.primary("X", "x").count()).isNull();
        assertThat(PublishedCell.secondary("X", "x").percent()).isNull();
    }

    @Test
    void aPublishedCellNeedsACountAndASensiblePercent() {
        assertThatThrownBy(() -> new PublishedCell("X", "x", null, 1.0, CellStatus.PUBLISHED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublishedCell.published("X", "x", -1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublishedCell.published("X", "x", 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PublishedCell.published("X", "x", 1, null).percent()).as("percent may be absent, e.g. the total").isNull();
    }

    @Test
    void markersFollowTheThreshold() {
        assertThat(CellStatus.PRIMARY.marker(5)).isEqualTo("< 5");
        assertThat(CellStatus.PRIMARY.marker(10)).isEqualTo("< 10");
        assertThat(CellStatus.SECONDARY.marker(5)).isEqualTo("[c]");
        assertThat(CellStatus.PUBLISHED.marker(5)).isNull();
        assertThat(List.of(CellStatus.values())).extracting(CellStatus::code).containsExactly("published", "primary", "secondary");
    }

    @Test
    void tableIdsMustMakeValidExcelTableNames() {
        for (String good : List.of("requester", "first_contact", "t1x", "work_domain_2")) {
            assertThat(table(good).id()).isEqualTo(good);
        }
        for (String bad : List.of("Requester", "1st", "a1", "ab12", "xfd1", "r", "c", "r1c1", "rc", "first-contact",
                "with space", "notes", "data", "contents", "_x", "", "chart_1")) {
            assertThatThrownBy(() -> table(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aTableHasRowsWithUniqueCategories() {
        assertThatThrownBy(() -> new PublishedTable("t", "T", "base", "t.A", List.of(), false, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublishedTable("t", "T", "base", "t.A", List.of(), false, List.of(A, A)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void theDocumentChecksItsReferencesAndCopiesItsLists() {
        ReportDocument doc = SampleReports.infographic2024H1(Language.NL).doc();
        assertThatThrownBy(() -> with(doc, List.of(new PublishedTable("t", "T", "b", "t.A", List.of(9), false, List.of(A)))))
                .hasMessageContaining("note 9");
        assertThatThrownBy(() -> with(doc, List.of(table("t"), table("t")))).hasMessageContaining("twice");
        assertThatThrownBy(() -> new ReportDocument("bad name", "t", "2024-H1", doc.periodStart(), doc.periodEnd(), "p",
                Language.NL, doc.contact(), "s", doc.dataAsOf(), List.of(), List.of(table("t")), doc.audit(), List.of(), List.of(),
                doc.publication()))
                .hasMessageContaining("definitionName");
        assertThatThrownBy(() -> new ReportDocument("d", "t", "2024-H1", doc.periodEnd(), doc.periodStart(), "p",
                Language.NL, doc.contact(), "s", doc.dataAsOf(), List.of(), List.of(table("t")), doc.audit(), List.of(), List.of(),
                doc.publication()))
                .hasMessageContaining("before it starts");
        assertThatThrownBy(() -> new ReportDocument("d", "t", "2024-H1", doc.periodStart(), doc.periodEnd(), "p",
                Language.NL, doc.contact(), "s", doc.dataAsOf(), List.of(), List.of(table("t")), doc.audit(), List.of(),
                List.of(ChartSpec.auto("nope")), doc.publication())).hasMessageContaining("nope");

        List<PublishedTable> tables = new ArrayList<>(List.of(table("t")));
        ReportDocument copy = with(doc, tables);
        tables.add(table("u"));
        assertThat(copy.tables()).hasSize(1);
    }

    @Test
    void everyListedNoteIsReferencedAndEveryBaseAndRevisionNamesACellOfTheReport() {
        ReportDocument doc = SampleReports.infographic2024H1(Language.NL).doc();
        // A note no table refers to is what readers found as "note 3 and note 5 are listed but referenced by no table".
        List<Note> oneTooMany = new ArrayList<>(doc.notes());
        oneTooMany.add(new Note(9, "Nergens naar verwezen."));
        assertThatThrownBy(() -> new ReportDocument(doc.definitionName(), doc.title(), doc.period(), doc.periodStart(),
                doc.periodEnd(), doc.population(), doc.lang(), doc.contact(), doc.sourceSummary(), doc.dataAsOf(), oneTooMany,
                doc.tables(), doc.audit(), doc.changesSincePrevious(), doc.charts(), doc.publication()))
                .hasMessageContaining("notes [9] are referenced by no table");
        // The base is a reference to a published cell, never a number of its own.
        assertThatThrownBy(() -> with(doc, List.of(new PublishedTable("t", "T", "b", "total.TOTAL", List.of(), false, List.of(A)))))
                .hasMessageContaining("the base of table t is total.TOTAL");
        assertThatThrownBy(() -> new PublishedTable("t", "T", "b", "91", List.of(), false, List.of(A)))
                .hasMessageContaining("table.CATEGORY");
        assertThat(doc.base(doc.table("work_domain").orElseThrow()).count()).isEqualTo(63);
        assertThat(doc.base(doc.table("additional_support").orElseThrow()).category()).isEqualTo("ADDITIONAL");
        // [r] only on cells that exist
        assertThatThrownBy(() -> SampleReports.with(doc, new nl.helpline.warehouse.report.PublicationState(
                nl.helpline.warehouse.report.PublicationState.Kind.RELEASE, 2, java.time.LocalDate.of(2024, 7, 3),
                java.util.Set.of("requester.NOBODY"), false, null))).hasMessageContaining("requester.NOBODY");
    }

    @Test
    void aContactIsAnOrganisationWithAWellFormedAddress() {
        assertThat(SampleReports.LSE.email()).isEqualTo("info@hetlse.nl");
        assertThatThrownBy(() -> new Contact(" ", null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Contact("LSE", null, "info at hetlse", null)).hasMessageContaining("e-mail");
        assertThatThrownBy(() -> new Contact("LSE", null, null, "javascript:alert(1)")).hasMessageContaining("https://");
    }

    @Test
    void periodsAreWrittenOutInTheReportsLanguage() {
        java.time.LocalDate jan1 = java.time.LocalDate.of(2024, 1, 1);
        assertThat(PeriodNames.name(jan1, java.time.LocalDate.of(2024, 6, 30), Language.NL)).isEqualTo("eerste halfjaar 2024");
        assertThat(PeriodNames.name(java.time.LocalDate.of(2024, 7, 1), java.time.LocalDate.of(2024, 12, 31), Language.EN))
                .isEqualTo("second half of 2024");
        assertThat(PeriodNames.name(java.time.LocalDate.of(2024, 4, 1), java.time.LocalDate.of(2024, 6, 30), Language.NL))
                .isEqualTo("tweede kwartaal 2024");
        assertThat(PeriodNames.name(java.time.LocalDate.of(2024, 10, 1), java.time.LocalDate.of(2024, 12, 31), Language.EN))
                .isEqualTo("fourth quarter of 2024");
        assertThat(PeriodNames.name(jan1, java.time.LocalDate.of(2024, 12, 31), Language.NL)).isEqualTo("2024");
        assertThat(PeriodNames.name(java.time.LocalDate.of(2024, 3, 1), java.time.LocalDate.of(2024, 3, 31), Language.NL))
                .isEqualTo("maart 2024");
        assertThat(PeriodNames.name(jan1, java.time.LocalDate.of(2024, 3, 15), Language.NL))
                .isEqualTo("1 januari 2024 tot en met 15 maart 2024");
        assertThat(PeriodNames.name(java.time.LocalDate.of(2024, 2, 1), java.time.LocalDate.of(2024, 7, 31), Language.EN))
                .as("six months that are not a half-year").isEqualTo("1 February 2024 to 31 July 2024");
        assertThat(PeriodNames.inPeriod(jan1, java.time.LocalDate.of(2024, 6, 30), Language.NL)).isEqualTo("in het eerste halfjaar 2024");
        assertThat(PeriodNames.inPeriod(jan1, java.time.LocalDate.of(2024, 12, 31), Language.EN)).isEqualTo("in 2024");
        assertThat(PeriodNames.inPeriod(jan1, java.time.LocalDate.of(2024, 3, 15), Language.EN))
                .isEqualTo("from 1 January 2024 to 15 March 2024");
    }

    @Test
    void changedCellsAreGivenAsShownToReaders() {
        assertThat(new ChangedCell("t", "A", "-", "12").previous()).isEqualTo("-");
        assertThat(new ChangedCell("t", "A", "6", "< 5").current()).isEqualTo("< 5");
        assertThat(new ChangedCell("t", "A", "[c]", "14").current()).isEqualTo("14");
        for (String bad : List.of("3.5", "<5", "c", "", " 4", "4 ")) {
            assertThatThrownBy(() -> new ChangedCell("t", "A", "1", bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new ChangedCell("t", "A", "7", "7")).hasMessageContaining("did not change");
    }

    @Test
    void aPieIsOnlyDrawnWhenEveryCategoryIsPublishedAndTheTableAddsUp() {
        PublishedTable full = new PublishedTable("t", "T", "b", "t.A", List.of(), false, List.of(A, B));
        PublishedTable gap = new PublishedTable("t", "T", "b", "t.A", List.of(), false, List.of(A, PublishedCell.primary("C", "c")));
        PublishedTable multi = new PublishedTable("t", "T", "b", "t.A", List.of(), true, List.of(A, B));
        ChartSpec pie = new ChartSpec("t", null, ChartSpec.Type.PIE, ChartSpec.Measure.PERCENT);
        assertThat(pie.effectiveType(full)).isEqualTo(ChartSpec.Type.PIE);
        assertThat(pie.effectiveType(gap)).isEqualTo(ChartSpec.Type.BAR);
        assertThat(pie.effectiveType(multi)).isEqualTo(ChartSpec.Type.BAR);

        ChartSpec auto = ChartSpec.auto("t");
        assertThat(auto.effectiveType(full)).isEqualTo(ChartSpec.Type.PIE);
        assertThat(auto.effectiveMeasure(full)).isEqualTo(ChartSpec.Measure.PERCENT);
        assertThat(auto.effectiveType(gap)).isEqualTo(ChartSpec.Type.BAR);
        assertThat(auto.effectiveMeasure(gap)).isEqualTo(ChartSpec.Measure.COUNT);
        PublishedTable four = new PublishedTable("t", "T", "b", "t.A", List.of(), false, List.of(A, B,
                PublishedCell.published("C", "c", 1, 1.0), PublishedCell.published("D", "d", 1, 1.0)));
        assertThat(auto.effectiveType(four)).isEqualTo(ChartSpec.Type.BAR);
        assertThatThrownBy(() -> new ChartSpec("t", null, ChartSpec.Type.BAR, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static PublishedTable table(String id) {
        return new PublishedTable(id, "T", "base", id + ".A", List.of(), false, List.of(A));
    }

    private static ReportDocument with(ReportDocument d, List<PublishedTable> tables) {
        return new ReportDocument(d.definitionName(), d.title(), d.period(), d.periodStart(), d.periodEnd(), d.population(),
                d.lang(), d.contact(), d.sourceSummary(), d.dataAsOf(), List.of(), tables, d.audit(), List.of(), List.of(),
                d.publication());
    }
}
