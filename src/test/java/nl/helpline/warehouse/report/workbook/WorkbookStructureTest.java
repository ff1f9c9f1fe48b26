package nl.helpline.warehouse.report.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCol;

/** The workbook's layout, after the Analysis Function's "Releasing statistics in spreadsheets". */
class WorkbookStructureTest {

    private static final int T = SampleReports.THRESHOLD;

    @TempDir
    Path dir;

    @Test
    void sheetsComeInTheAgreedOrderWithDutchNames() throws Exception {
        ReportDocument doc = SampleReports.infographic2024H1(Language.NL).doc();
        Path file = dir.resolve(WorkbookWriter.fileName(doc));
        WorkbookWriter.write(doc, T, file);
        assertThat(file.getFileName().toString()).isEqualTo("infographic-2024-H1.xlsx");
        try (XSSFWorkbook wb = Xlsx.open(Files.readAllBytes(file))) {
            assertThat(sheetNames(wb)).containsExactly("Voorblad", "Inhoud", "Toelichting", "Tabel_1", "Tabel_2", "Tabel_3",
                    "Tabel_4", "Tabel_5", "Tabel_6", "Tabel_7", "Tabel_8", "Data", "Grafieken");
            assertThat(wb.getActiveSheetIndex()).isZero();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                assertThat(wb.isSheetHidden(i) || wb.isSheetVeryHidden(i)).as("no hidden sheets").isFalse();
                assertThat(wb.getSheetAt(i).getNumMergedRegions()).as("no merged cells").isZero();
                assertThat(wb.getSheetAt(i).getRow(0).getCell(0).getStringCellValue()).as("a title in A1").isNotBlank();
            }
            assertThat(wb.getNumberOfNames()).as("no defined names").isZero();
        }
    }

    @Test
    void englishReportsHaveEnglishFixedTexts() throws Exception {
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.infographic2024H1(Language.EN).doc(), T))) {
            assertThat(sheetNames(wb)).containsExactly("Cover_sheet", "Contents", "Notes", "Table_1", "Table_2", "Table_3",
                    "Table_4", "Table_5", "Table_6", "Table_7", "Table_8", "Data", "Charts");
            XSSFSheet requester = wb.getSheet("Table_2");
            assertThat(a1(requester)).isEqualTo("Type of requester [note 1]");
            assertThat(rowTexts(requester, header(requester, "requester"))).containsExactly("Code", "Category", "Count", "Percentage", "Status");
            assertThat(columnTexts(wb.getSheet("Notes"), 0)).contains("[note 1]", "[note 3]", "< 5", "[c]", "Several categories", "Check", "Revision");
            assertThat(allText(wb.getSheet("Cover_sheet"))).contains("Period", "2024-H1: 1 January 2024 to 30 June 2024.",
                    "What is counted", "Data as of", "The data are as they stood on 2 July 2024 at 06:15.", "Contact");
            assertThat(allText(wb.getSheet("Table_4"))).contains("withheld: small count", "withheld: confidential", "Youth services");
            assertThat(allText(wb.getSheet("Charts"))).contains("Chart data: Type of requester", "Youth services (<\u00A05)");
            String all = wb.getSheetAt(0).getSheetName();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                all += allText(wb.getSheetAt(i));
            }
            assertThat(all).doesNotContain("Tabel", "Toelichting", "Aantal", "noot", "gepubliceerd", "Grafiek");
        }
    }

    @Test
    void dutchReportsHaveDutchFixedTexts() throws Exception {
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.infographic2024H1(Language.NL).doc(), T))) {
            XSSFSheet requester = wb.getSheet("Tabel_2");
            assertThat(a1(requester)).isEqualTo("Type aanvrager [noot 1]");
            assertThat(rowTexts(requester, header(requester, "requester"))).containsExactly("Code", "Categorie", "Aantal", "Percentage", "Status");
            assertThat(allText(wb.getSheet("Voorblad"))).contains("Periode", "2024-H1: 1 januari 2024 tot en met 30 juni 2024.",
                    "De gegevens geven de stand weer van 2 juli 2024 om 06:15.",
                    "Deze cijfers zijn gemaakt met de rapportdefinitie 'infographic'.",
                    "Exportbestanden van het registratiesysteem, verzoeken-2024-07-01.csv en verzoeken-2024-07-02.xlsx.",
                    "Landelijk Steunpunt Extremisme, info@hetlse.nl, 088 - 20 80 080",
                    "Bij een aantal kleiner dan 5 staat het teken < 5");
        }
    }

    @Test
    void everyReportTableIsAnExcelTableOnItsOwnSheetUnderATitleAndItsBase() throws Exception {
        ReportDocument doc = SampleReports.infographic2024H1(Language.NL).doc();
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(doc, T))) {
            for (int i = 0; i < doc.tables().size(); i++) {
                PublishedTable table = doc.tables().get(i);
                XSSFSheet sheet = wb.getSheet("Tabel_" + (i + 1));
                assertThat(sheet.getTables()).hasSize(1);
                XSSFTable listObject = sheet.getTables().get(0);
                assertThat(listObject.getName()).isEqualTo(table.id());
                assertThat(listObject.getDisplayName()).isEqualTo(table.id());
                assertThat(listObject.getCTTable().isSetAutoFilter()).isTrue();
                assertThat(listObject.getCTTable().getTableStyleInfo().getName()).isNotBlank();

                String refs = table.noteRefs().stream().map(n -> " [noot " + n + "]").collect(Collectors.joining());
                assertThat(a1(sheet)).isEqualTo(table.title() + refs);
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(table.baseDescription());
                int header = listObject.getStartRowIndex();
                assertThat(header).isEqualTo(table.multiValued() ? 4 : 3);
                assertThat(listObject.getStartColIndex()).isZero();
                assertThat(listObject.getEndColIndex()).isEqualTo(4);
                assertThat(listObject.getEndRowIndex()).as("one header row, then one row per category").isEqualTo(header + table.rows().size());
                assertThat(listObject.getColumns()).extracting(c -> c.getName())
                        .containsExactly("Code", "Categorie", "Aantal", "Percentage", "Status");
                assertThat(rowTexts(sheet, header)).containsExactly("Code", "Categorie", "Aantal", "Percentage", "Status");
                for (int r = 1; r < header; r++) {
                    assertThat(sheet.getRow(r).getLastCellNum()).as("intro lines only in column A").isEqualTo((short) 1);
                }
                assertFrozenAt(sheet, header + 1);
                assertExplicitWidths(sheet, 5);

                for (int k = 0; k < table.rows().size(); k++) {
                    PublishedCell cell = table.rows().get(k);
                    XSSFRow row = sheet.getRow(header + 1 + k);
                    assertThat((Object) row).as("no blank rows in a table").isNotNull();
                    assertThat(row.getCell(0).getStringCellValue()).isEqualTo(cell.category());
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo(cell.label());
                    assertValues(row, 2, cell);
                }
                assertThat((Object) sheet.getRow(header + table.rows().size() + 1)).as("nothing below the table").isNull();
            }
        }
    }

    @Test
    void suppressedCellsHoldTheMarkerAsTextAndPublishedCellsAreFormattedNumbers() throws Exception {
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.infographic2024H1(Language.NL).doc(), T))) {
            XSSFSheet sheet = wb.getSheet("Tabel_4");   // work_domain
            XSSFRow security = sheet.getRow(4);
            assertThat(security.getCell(2).getNumericCellValue()).isEqualTo(18);
            assertThat(security.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(security.getCell(3).getNumericCellValue()).isEqualTo(0.286);
            assertThat(security.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            XSSFRow municipality = sheet.getRow(8);
            assertThat(municipality.getCell(1).getStringCellValue()).isEqualTo("Gemeente");
            assertThat(municipality.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(municipality.getCell(2).getStringCellValue()).isEqualTo("[c]");
            assertThat(municipality.getCell(3).getStringCellValue()).isEqualTo("[c]");
            assertThat(municipality.getCell(4).getStringCellValue()).isEqualTo("niet getoond: vertrouwelijk");
            XSSFRow youth = sheet.getRow(9);
            assertThat(youth.getCell(2).getStringCellValue()).isEqualTo("< 5");
            assertThat(youth.getCell(3).getStringCellValue()).isEqualTo("< 5");
            assertThat(youth.getCell(4).getStringCellValue()).isEqualTo("niet getoond: klein aantal");

            XSSFRow total = wb.getSheet("Tabel_1").getRow(4);
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(91);
            assertThat(total.getCell(3).getCellType()).as("no percentage for the total").isEqualTo(CellType.BLANK);
        }
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.infographic2024H1(Language.NL).doc(), 10))) {
            assertThat(wb.getSheet("Tabel_4").getRow(9).getCell(2).getStringCellValue()).isEqualTo("< 10");
            assertThat(columnTexts(wb.getSheet("Toelichting"), 0)).contains("< 10").doesNotContain("< 5");
        }
        assertThatThrownBy(() -> WorkbookWriter.toBytes(SampleReports.infographic2024H1(Language.NL).doc(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDataSheetHoldsEveryCellInLongFormat() throws Exception {
        ReportDocument doc = SampleReports.national(Language.NL).doc();
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(doc, T))) {
            XSSFSheet data = wb.getSheet("Data");
            XSSFTable table = data.getTables().get(0);
            assertThat(table.getName()).isEqualTo("data");
            assertThat(table.getColumns()).extracting(c -> c.getName())
                    .containsExactly("Tabel", "Code", "Categorie", "Aantal", "Percentage", "Status");
            int header = table.getStartRowIndex();
            assertFrozenAt(data, header + 1);
            assertExplicitWidths(data, 6);
            int r = header + 1;
            for (PublishedTable t : doc.tables()) {
                for (PublishedCell cell : t.rows()) {
                    XSSFRow row = data.getRow(r++);
                    assertThat(row.getCell(0).getStringCellValue()).isEqualTo(t.id());
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo(cell.category());
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo(cell.label());
                    assertValues(row, 3, cell);
                }
            }
            assertThat(table.getEndRowIndex()).isEqualTo(r - 1);
        }
    }

    @Test
    void theContentsSheetLinksToEverySheet() throws Exception {
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.infographic2024H1(Language.NL).doc(), T))) {
            XSSFSheet contents = wb.getSheet("Inhoud");
            assertThat(contents.getTables()).extracting(XSSFTable::getName).containsExactly("contents");
            List<String> linked = new ArrayList<>();
            for (XSSFHyperlink link : contents.getHyperlinkList()) {
                linked.add(link.getAddress());
                XSSFCell cell = contents.getRow(link.getFirstRow()).getCell(link.getFirstColumn());
                assertThat(link.getAddress()).isEqualTo("'" + cell.getStringCellValue() + "'!A1");
            }
            List<String> expected = sheetNames(wb).stream().filter(n -> !n.equals("Inhoud")).map(n -> "'" + n + "'!A1").toList();
            assertThat(linked).containsExactlyElementsOf(expected);
            assertThat(columnTexts(contents, 1)).contains("Type aanvrager", "Werkterreinen van professionals");
        }
    }

    @Test
    void theNotesSheetExplainsMarkersMultiValuedTablesTheAuditAndRevisions() throws Exception {
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.infographic2024H1(Language.NL).doc(), T))) {
            XSSFSheet notes = wb.getSheet("Toelichting");
            assertThat(notes.getTables()).extracting(XSSFTable::getName).containsExactly("notes");
            assertFrozenAt(notes, notes.getTables().get(0).getStartRowIndex() + 1);
            Map<String, String> byKey = new java.util.LinkedHashMap<>();
            for (int r = notes.getTables().get(0).getStartRowIndex() + 1; r <= notes.getLastRowNum(); r++) {
                byKey.merge(notes.getRow(r).getCell(0).getStringCellValue(), notes.getRow(r).getCell(1).getStringCellValue(),
                        (a, b) -> a + "\n" + b);
            }
            assertThat(byKey.keySet()).containsExactly("[noot 1]", "[noot 2]", "[noot 3]", "< 5", "[c]",
                    "Meerdere categorieën", "Controle", "Wijziging");
            assertThat(byKey.get("< 5")).contains("kleiner dan 5");
            assertThat(byKey.get("[c]")).startsWith("Vertrouwelijk");
            assertThat(byKey.get("Meerdere categorieën")).contains("meer dan 100%").contains("Tabel_5 (Verschijningsvormen)")
                    .contains("Tabel_6 (Hulpvragen)").contains("Tabel_8 (Aanvullende ondersteuning)").doesNotContain("Tabel_4");
            assertThat(byKey.get("Controle")).startsWith("Geslaagd. Alle 32 cellen");
            assertThat(byKey.get("Wijziging")).isEqualTo("Gewijzigd sinds een eerdere publicatie van deze periode:"
                    + " Type aanvrager (Tabel_2), Burger (CITIZEN): 27 → 28.");
        }
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.national(Language.NL).doc(), T))) {
            assertThat(columnTexts(wb.getSheet("Toelichting"), 1))
                    .contains("Gewijzigd sinds een eerdere publicatie van deze periode: Werkterreinen (Tabel_3), Jeugd (YOUTH): 6 → < 5.");
        }
    }

    @Test
    void aRevisionMustShowWhatTheTableShows() {
        ReportDocument doc = SampleReports.national(Language.NL).doc();
        for (String wrong : List.of("3", "[c]", "-")) {
            ReportDocument bad = new ReportDocument(doc.definitionName(), doc.title(), doc.period(), doc.periodStart(),
                    doc.periodEnd(), doc.population(), doc.lang(), doc.contact(), doc.sourceSummary(), doc.dataAsOf(),
                    doc.notes(), doc.tables(), doc.audit(), List.of(new ChangedCell("work_domain", "YOUTH", "6", wrong)),
                    doc.charts());
            assertThatThrownBy(() -> WorkbookWriter.toBytes(bad, T)).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the table shows '< 5'");
        }
    }

    @Test
    void chartsAreNativeWithSolidFillsAndAltText() throws Exception {
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.infographic2024H1(Language.NL).doc(), T))) {
            XSSFSheet sheet = wb.getSheet("Grafieken");
            XSSFDrawing drawing = sheet.getDrawingPatriarch();
            List<XSSFChart> charts = drawing.getCharts();
            assertThat(charts).hasSize(5);
            assertThat(charts).extracting(c -> c.getTitleText().getString()).containsExactly("Type aanvrager",
                    "Medium van eerste contact", "Werkterreinen van professionals", "Verschijningsvormen", "Opvolging");
            // requester, first contact and follow-up are pies (all published); work domains and phenomena bars.
            assertThat(charts).extracting(c -> c.getCTChart().getPlotArea().sizeOfPieChartArray())
                    .containsExactly(1, 1, 0, 0, 1);
            assertThat(charts).extracting(c -> c.getCTChart().getPlotArea().sizeOfBarChartArray())
                    .containsExactly(0, 0, 1, 1, 0);
            for (int i = 0; i < charts.size(); i++) {
                XSSFChart chart = charts.get(i);
                String xml = chart.getCTChartSpace().xmlText();
                assertThat(xml).contains("solidFill").contains("dispBlanksAs val=\"gap\"");
                assertThat(drawing.getCTDrawing().getTwoCellAnchorArray(i).getGraphicFrame().getNvGraphicFramePr().getCNvPr().getDescr())
                        .startsWith(chart.getCTChart().getPlotArea().sizeOfPieChartArray() == 1 ? "Cirkeldiagram: " : "Staafdiagram: ")
                        .contains("De gegevens staan in de cellen A");
            }
            // pie slices are coloured one by one
            assertThat(charts.get(1).getCTChart().getPlotArea().getPieChartArray(0).getSerArray(0).sizeOfDPtArray()).isEqualTo(3);
        }
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.national(Language.NL).doc(), T))) {
            List<XSSFChart> charts = wb.getSheet("Grafieken").getDrawingPatriarch().getCharts();
            assertThat(charts.get(0).getCTChart().getPlotArea().sizeOfPieChartArray())
                    .as("a pie with a withheld slice is drawn as bars").isZero();
            assertThat(charts.get(0).getCTChart().getPlotArea().sizeOfBarChartArray()).isEqualTo(1);
        }
    }

    @Test
    void aReportWithoutChartsHasNoChartsSheet() throws Exception {
        ReportDocument d = SampleReports.national(Language.EN).doc();
        ReportDocument doc = new ReportDocument(d.definitionName(), d.title(), d.period(), d.periodStart(), d.periodEnd(),
                d.population(), d.lang(), d.contact(), d.sourceSummary(), d.dataAsOf(), d.notes(), d.tables(), d.audit(),
                List.of(), List.of());
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(doc, T))) {
            assertThat(sheetNames(wb)).containsExactly("Cover_sheet", "Contents", "Notes", "Table_1", "Table_2", "Table_3",
                    "Table_4", "Data");
            assertThat(columnTexts(wb.getSheet("Notes"), 1)).contains("No figures revised since an earlier publication of this period.");
        }
    }

    @Test
    void documentPropertiesAreFixedAndDescribeTheReport() throws Exception {
        ReportDocument doc = SampleReports.infographic2024H1(Language.NL).doc();
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(doc, T))) {
            var core = wb.getProperties().getCoreProperties();
            Date asOf = Date.from(doc.dataAsOf().atZone(ZoneId.of("Europe/Amsterdam")).toInstant());
            assertThat(core.getCreated()).isEqualTo(asOf);
            assertThat(core.getModified()).isEqualTo(asOf);
            assertThat(core.getCreator()).isEqualTo("helpline-warehouse");
            assertThat(core.getTitle()).isEqualTo("Hulp- en advieslijn: afgesloten verzoeken 2024-H1");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void assertValues(XSSFRow row, int col, PublishedCell cell) {
        XSSFCell count = row.getCell(col);
        XSSFCell percent = row.getCell(col + 1);
        if (cell.suppressed()) {
            String marker = cell.status().marker(T);
            assertThat(count.getCellType()).isEqualTo(CellType.STRING);
            assertThat(count.getStringCellValue()).isEqualTo(marker);
            assertThat(percent.getCellType()).isEqualTo(CellType.STRING);
            assertThat(percent.getStringCellValue()).isEqualTo(marker);
        } else {
            assertThat(count.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(count.getNumericCellValue()).isEqualTo(cell.count().doubleValue());
            assertThat(count.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(percent.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            if (cell.percent() == null) {
                assertThat(percent.getCellType()).isEqualTo(CellType.BLANK);
            } else {
                assertThat(percent.getNumericCellValue()).isEqualTo(Math.round(cell.percent() * 10) / 1000.0);
            }
        }
    }

    private static void assertFrozenAt(XSSFSheet sheet, int firstScrollingRow) {
        PaneInformation pane = sheet.getPaneInformation();
        assertThat(pane).as(sheet.getSheetName() + " has frozen panes").isNotNull();
        assertThat(pane.isFreezePane()).isTrue();
        assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) firstScrollingRow);
        assertThat(pane.getVerticalSplitPosition()).isZero();
    }

    private static void assertExplicitWidths(XSSFSheet sheet, int columns) {
        List<Long> custom = new ArrayList<>();
        for (CTCol col : sheet.getCTWorksheet().getColsArray(0).getColArray()) {
            if (col.getCustomWidth()) {
                for (long c = col.getMin(); c <= col.getMax(); c++) {
                    custom.add(c);
                }
            }
        }
        for (long c = 1; c <= columns; c++) {
            assertThat(custom).as(sheet.getSheetName() + " column " + c + " has an explicit width").contains(c);
        }
    }

    private static int header(XSSFSheet sheet, String tableName) {
        return sheet.getTables().stream().filter(t -> t.getName().equals(tableName)).findFirst().orElseThrow().getStartRowIndex();
    }

    static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    private static String a1(XSSFSheet sheet) {
        return sheet.getRow(0).getCell(0).getStringCellValue();
    }

    private static List<String> rowTexts(XSSFSheet sheet, int row) {
        List<String> texts = new ArrayList<>();
        sheet.getRow(row).forEach(c -> texts.add(c.toString()));
        return texts;
    }

    private static List<String> columnTexts(XSSFSheet sheet, int col) {
        List<String> texts = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            XSSFRow row = sheet.getRow(r);
            if (row != null && row.getCell(col) != null && row.getCell(col).getCellType() == CellType.STRING) {
                texts.add(row.getCell(col).getStringCellValue());
            }
        }
        return texts;
    }

    private static String allText(XSSFSheet sheet) {
        StringBuilder text = new StringBuilder();
        sheet.forEach(row -> row.forEach(c -> text.append(c.toString()).append('\n')));
        return text.toString();
    }
}
