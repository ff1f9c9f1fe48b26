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
                "with space", "notes", "data", "contents", "_x", "")) {
            assertThatThrownBy(() -> table(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aTableHasRowsWithUniqueCategories() {
        assertThatThrownBy(() -> new PublishedTable("t", "T", "base", List.of(), false, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublishedTable("t", "T", "base", List.of(), false, List.of(A, A)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void theDocumentChecksItsReferencesAndCopiesItsLists() {
        ReportDocument doc = SampleReports.infographic2024H1(Language.NL).doc();
        assertThatThrownBy(() -> with(doc, List.of(new PublishedTable("t", "T", "b", List.of(9), false, List.of(A)))))
                .hasMessageContaining("note 9");
        assertThatThrownBy(() -> with(doc, List.of(table("t"), table("t")))).hasMessageContaining("twice");
        assertThatThrownBy(() -> new ReportDocument("bad name", "t", "2024-H1", doc.periodStart(), doc.periodEnd(), "p",
                Language.NL, "c", "s", doc.dataAsOf(), List.of(), List.of(table("t")), doc.audit(), List.of(), List.of()))
                .hasMessageContaining("definitionName");
        assertThatThrownBy(() -> new ReportDocument("d", "t", "2024-H1", doc.periodEnd(), doc.periodStart(), "p",
                Language.NL, "c", "s", doc.dataAsOf(), List.of(), List.of(table("t")), doc.audit(), List.of(), List.of()))
                .hasMessageContaining("before it starts");
        assertThatThrownBy(() -> new ReportDocument("d", "t", "2024-H1", doc.periodStart(), doc.periodEnd(), "p",
                Language.NL, "c", "s", doc.dataAsOf(), List.of(), List.of(table("t")), doc.audit(), List.of(),
                List.of(ChartSpec.auto("nope")))).hasMessageContaining("nope");

        List<PublishedTable> tables = new ArrayList<>(List.of(table("t")));
        ReportDocument copy = with(doc, tables);
        tables.add(table("u"));
        assertThat(copy.tables()).hasSize(1);
        assertThat(doc.baseFileName()).isEqualTo("infographic-2024-H1");
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
        PublishedTable full = new PublishedTable("t", "T", "b", List.of(), false, List.of(A, B));
        PublishedTable gap = new PublishedTable("t", "T", "b", List.of(), false, List.of(A, PublishedCell.primary("C", "c")));
        PublishedTable multi = new PublishedTable("t", "T", "b", List.of(), true, List.of(A, B));
        ChartSpec pie = new ChartSpec("t", null, ChartSpec.Type.PIE, ChartSpec.Measure.PERCENT);
        assertThat(pie.effectiveType(full)).isEqualTo(ChartSpec.Type.PIE);
        assertThat(pie.effectiveType(gap)).isEqualTo(ChartSpec.Type.BAR);
        assertThat(pie.effectiveType(multi)).isEqualTo(ChartSpec.Type.BAR);

        ChartSpec auto = ChartSpec.auto("t");
        assertThat(auto.effectiveType(full)).isEqualTo(ChartSpec.Type.PIE);
        assertThat(auto.effectiveMeasure(full)).isEqualTo(ChartSpec.Measure.PERCENT);
        assertThat(auto.effectiveType(gap)).isEqualTo(ChartSpec.Type.BAR);
        assertThat(auto.effectiveMeasure(gap)).isEqualTo(ChartSpec.Measure.COUNT);
        PublishedTable four = new PublishedTable("t", "T", "b", List.of(), false, List.of(A, B,
                PublishedCell.published("C", "c", 1, 1.0), PublishedCell.published("D", "d", 1, 1.0)));
        assertThat(auto.effectiveType(four)).isEqualTo(ChartSpec.Type.BAR);
        assertThatThrownBy(() -> new ChartSpec("t", null, ChartSpec.Type.BAR, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static PublishedTable table(String id) {
        return new PublishedTable(id, "T", "base", List.of(), false, List.of(A));
    }

    private static ReportDocument with(ReportDocument d, List<PublishedTable> tables) {
        return new ReportDocument(d.definitionName(), d.title(), d.period(), d.periodStart(), d.periodEnd(), d.population(),
                d.lang(), d.contact(), d.sourceSummary(), d.dataAsOf(), d.notes(), tables, d.audit(), List.of(), List.of());
    }
}
