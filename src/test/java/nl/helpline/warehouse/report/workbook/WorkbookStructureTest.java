package nl.helpline.warehouse.report.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

import nl.helpline.warehouse.report.PublicationState;

/** The workbook's layout, after the Analysis Function's "Releasing statistics in spreadsheets". */
class WorkbookStructureTest {

    private static final int T = SampleReports.THRESHOLD;

    @TempDir
    Path dir;

    @Test
    void sheetsComeInTheAgreedOrderWithDutchNames() throws Exception {
        ReportDocument doc = SampleReports.infographic2024H1(Language.NL).doc();
        Path file = dir.resolve("any-name.xlsx");
        WorkbookWriter.write(doc, T, file);
        try (XSSFWorkbook wb = Xlsx.open(Files.readAllBytes(file))) {
            assertThat(sheetNames(wb)).containsExactly("Voorblad", "Inhoud", "Toelichting", "Tabel_1", "Tabel_2", "Tabel_3",
                    "Tabel_4", "Tabel_5", "Tabel_6", "Tabel_7", "Tabel_8", "Data", "Grafieken");
            assertThat(wb.getActiveSheetIndex()).isZero();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                assertThat(wb.isSheetHidden(i) || wb.isSheetVeryHidden(i)).as("no hidden sheets").isFalse();
                assertThat(wb.getSheetAt(i).getNumMergedRegions()).as("no merged cells").isZero();
                assertThat(wb.getSheetAt(i).getRow(0).getCell(0).getStringCellValue()).as("a title in A1").isNotBlank();
            }
            assertThat(wb.getAllNames()).extracting(n -> n.getNameName()).as("no defined names but the charts' print area")
                    .containsExactly("_xlnm.Print_Area");
        }
    }

    @Test
    void englishReportsHaveEnglishFixedTexts() throws Exception {
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.infographic2024H1(Language.EN).doc(), T))) {
            assertThat(sheetNames(wb)).containsExactly("Cover_sheet", "Contents", "Notes", "Table_1", "Table_2", "Table_3",
                    "Table_4", "Table_5", "Table_6", "Table_7", "Table_8", "Data", "Charts");
            XSSFSheet requester = wb.getSheet("Table_2");
            assertThat(a1(requester)).isEqualTo("Type of requester, first half of 2024 [note 1]");
            assertThat(rowTexts(requester, header(requester, "requester"))).containsExactly("Category", "Count", "Percentage",
                    "Base (n)", "Status");
            assertThat(columnTexts(wb.getSheet("Notes"), 0)).contains("[note 1]", "[note 3]", "< 5", "[c]", "[z]", "Base (n)",
                    "Several categories", "Filters", "Check", "Revision");
            assertThat(allText(wb.getSheet("Cover_sheet"))).contains("Help and advice line: closed requests, first half of 2024",
                    "Period", "First half of 2024: 1 January 2024 to 30 June 2024.", "What is counted",
                    "DRAFT — internal working document, do not distribute", "Data as of",
                    "The newest change to a request in these figures is of 2 July 2024 at 06:15.", "Contact", "Phone: 088 – 20 80 080",
                    "Email: info@hetlse.nl");
            assertThat(allText(wb.getSheet("Table_4"))).contains("withheld: small count", "withheld: confidential", "Youth services");
            assertThat(allText(wb.getSheet("Charts"))).contains("Chart data: Type of requester, first half of 2024",
                    "Youth services (<\u00A05)");
            String all = wb.getSheetAt(0).getSheetName();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                all += allText(wb.getSheetAt(i));
            }
            assertThat(all).doesNotContain("Tabel", "Toelichting", "Aantal", "noot", "gepubliceerd", "Grafiek", "halfjaar");
        }
    }

    @Test
    void dutchReportsHaveDutchFixedTextsAndTheCoverReadsAsARelease() throws Exception {
        ReportDocument doc = SampleReports.with(SampleReports.infographic2024H1(Language.NL).doc(), SampleReports.RELEASE_2);
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(doc, T))) {
            XSSFSheet requester = wb.getSheet("Tabel_2");
            assertThat(a1(requester)).isEqualTo("Type aanvrager, eerste halfjaar 2024 [noot 1]");
            assertThat(rowTexts(requester, header(requester, "requester"))).containsExactly("Categorie", "Aantal", "Percentage",
                    "Basis (n)", "Status");
            String cover = allText(wb.getSheet("Voorblad"));
            assertThat(cover).contains("Hulp- en advieslijn: afgesloten verzoeken, eerste halfjaar 2024",
                    "Periode", "Eerste halfjaar 2024: 1 januari 2024 tot en met 30 juni 2024.",
                    "Publicatie", "Versie 2, gepubliceerd op 3 juli 2024.",
                    "Volgende publicatie", "Geen: dit zijn de definitieve cijfers over deze periode.",
                    "De nieuwste wijziging van een verzoek in deze cijfers is van 2 juli 2024 om 06:15.",
                    "Het registratiesysteem van de hulp- en advieslijn.",
                    "Landelijk Steunpunt Extremisme (LSE)", "Telefoon: 088 – 20 80 080", "E-mail: info@hetlse.nl",
                    "Bij een aantal kleiner dan 5 staat het teken < 5");
            assertThat(cover).as("no load log, no ISO dates or periods, no jargon, no draft banner on a release")
                    .doesNotContainPattern("\\d{4}-\\d{2}").doesNotContain("Rapportdefinitie", "CONCEPT", "Voorlopig");
        }
    }

    @Test
    void theCoverLinksTheEmailAddressAndTheWebsite() throws Exception {
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.infographic2024H1(Language.NL).doc(), T))) {
            List<String> links = wb.getSheet("Voorblad").getHyperlinkList().stream().map(XSSFHyperlink::getAddress).toList();
            assertThat(links).containsExactly("mailto:info@hetlse.nl", "https://www.hetlse.nl");
            XSSFHyperlink mail = wb.getSheet("Voorblad").getHyperlinkList().get(0);
            assertThat(mail.getType()).isEqualTo(org.apache.poi.common.usermodel.HyperlinkType.EMAIL);
            assertThat(wb.getSheet("Voorblad").getRow(mail.getFirstRow()).getCell(0).getStringCellValue())
                    .isEqualTo("E-mail: info@hetlse.nl");
        }
    }

    @Test
    void aDraftSaysSoOnTheCoverOnEveryPrintedPageAndInItsProperties() throws Exception {
        ReportDocument doc = SampleReports.infographic2024H1(Language.NL).doc();
        assertThat(doc.publication().isDraft()).isTrue();
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(doc, T))) {
            assertThat(wb.getSheet("Voorblad").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("CONCEPT — intern werkdocument, niet verspreiden");
            assertThat(allText(wb.getSheet("Voorblad"))).contains("Concept: nog niet gepubliceerd.");
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                assertThat(wb.getSheetAt(i).getHeader().getCenter()).as(wb.getSheetAt(i).getSheetName())
                        .isEqualTo("CONCEPT — intern werkdocument, niet verspreiden");
            }
            var core = wb.getProperties().getCoreProperties();
            assertThat(core.getTitle()).startsWith("CONCEPT — intern werkdocument, niet verspreiden: ");
            assertThat(core.getSubject()).isEqualTo("CONCEPT — intern werkdocument, niet verspreiden");
            assertThat(core.getKeywords()).contains("concept", "niet verspreiden");
            assertThat(core.getContentStatus()).isEqualTo("Concept");
        }
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.with(doc, SampleReports.RELEASE_2), T))) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                assertThat(wb.getSheetAt(i).getHeader().getCenter()).as("a release has no draft header").isEmpty();
            }
            var core = wb.getProperties().getCoreProperties();
            assertThat(core.getTitle()).isEqualTo("Hulp- en advieslijn: afgesloten verzoeken, eerste halfjaar 2024");
            assertThat(core.getContentStatus()).isEqualTo("Versie 2, gepubliceerd op 3 juli 2024");
            assertThat(core.getKeywords()).doesNotContain("concept");
            assertThat(core.getVersion()).isEqualTo("2");
        }
    }

    @Test
    void revisedCellsAreMarkedAndExplainedAndProvisionalFiguresSaySo() throws Exception {
        PublicationState state = new PublicationState(PublicationState.Kind.RELEASE, 3, LocalDate.of(2024, 8, 1),
                Set.of("requester.CITIZEN", "work_domain.YOUTH"), true, LocalDate.of(2024, 9, 1));
        ReportDocument doc = SampleReports.infographic2024H1(Language.NL, state).doc();
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(doc, T))) {
            XSSFSheet requester = wb.getSheet("Tabel_2");
            int header = header(requester, "requester");
            assertThat(requester.getRow(header + 1).getCell(4).getStringCellValue()).isEqualTo("gepubliceerd");
            assertThat(requester.getRow(header + 2).getCell(0).getStringCellValue()).isEqualTo("Niet-professional (burger)");
            assertThat(requester.getRow(header + 2).getCell(4).getStringCellValue()).isEqualTo("gepubliceerd; herzien [r]");
            assertThat(allText(wb.getSheet("Tabel_4"))).contains("niet getoond: klein aantal; herzien [r]");
            long marked = 0;
            XSSFSheet data = wb.getSheet("Data");
            for (int r = data.getTables().get(0).getStartRowIndex() + 1; r <= data.getLastRowNum(); r++) {
                String status = data.getRow(r).getCell(7).getStringCellValue();
                assertThat(status).as("every figure provisional").endsWith(" [p]");
                marked += status.contains("[r]") ? 1 : 0;
            }
            assertThat(marked).as("exactly the revised cells carry [r] on the Data sheet").isEqualTo(2);

            for (int i = 0; i < doc.tables().size(); i++) {
                assertThat(a1(wb.getSheet("Tabel_" + (i + 1)))).contains(", eerste halfjaar 2024 [p]");
            }
            assertThat(columnTexts(wb.getSheet("Toelichting"), 0)).contains("[p]", "[r]");
            assertThat(allText(wb.getSheet("Voorblad"))).contains("Versie 3, gepubliceerd op 1 augustus 2024.",
                    "Voorlopige cijfers [p]", "Nog niet alle verzoeken die in deze periode binnenkwamen zijn afgesloten",
                    "De volgende cijfers over deze periode verschijnen naar verwachting op 1 september 2024.");
        }
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.infographic2024H1(Language.NL).doc(), T))) {
            String all = "";
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                all += allText(wb.getSheetAt(i));
            }
            assertThat(all).as("no [p] or [r] when nothing is provisional or revised").doesNotContain("[p]", "[r]");
        }
    }

    @Test
    void everyTableTitleWritesThePeriodOutAndNoCellShowsAnIsoPeriod() throws Exception {
        ReportDocument h2 = new ReportDocument("helpline", "Titel", "2024-H2", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31),
                "p", Language.NL, SampleReports.LSE, "s", java.time.LocalDateTime.of(2025, 1, 3, 9, 0), List.of(),
                SampleReports.national(Language.NL).doc().tables(), new AuditStatement(true, "ok"), List.of(), List.of(),
                PublicationState.draft(false, null));
        ReportDocument range = new ReportDocument("helpline", "Titel", "2024-01-01_2024-03-15", LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 3, 15), "p", Language.EN, SampleReports.LSE, "s", java.time.LocalDateTime.of(2025, 1, 3, 9, 0),
                List.of(), SampleReports.national(Language.EN).doc().tables(), new AuditStatement(true, "ok"), List.of(),
                List.of(ChartSpec.auto("phenomenon")), PublicationState.draft(false, null));
        for (var c : List.of(Map.entry(h2, "tweede halfjaar 2024"), Map.entry(range, "1 January 2024 to 15 March 2024"))) {
            try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(c.getKey(), T))) {
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    XSSFSheet sheet = wb.getSheetAt(i);
                    if (sheet.getSheetName().startsWith("Tabel_") || sheet.getSheetName().startsWith("Table_")) {
                        assertThat(a1(sheet)).contains(", " + c.getValue());
                    }
                    assertThat(allText(sheet)).as(sheet.getSheetName()).doesNotContain("2024-H2", "2024-01-01");
                }
                if (wb.getSheet("Charts") != null) {
                    assertThat(wb.getSheet("Charts").getDrawingPatriarch().getCharts().get(0).getTitleText().getString())
                            .endsWith(", " + c.getValue());
                }
            }
        }
    }

    @Test
    void everyReportTableIsAnExcelTableOnItsOwnSheetWithItsBaseAndTheLabelFirst() throws Exception {
        ReportDocument doc = SampleReports.infographic2024H1(Language.NL).doc();
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(doc, T))) {
            for (int i = 0; i < doc.tables().size(); i++) {
                PublishedTable table = doc.tables().get(i);
                XSSFSheet sheet = wb.getSheet("Tabel_" + (i + 1));
                assertThat(sheet.getTables()).hasSize(1);
                XSSFTable listObject = sheet.getTables().get(0);
                assertThat(listObject.getName()).isEqualTo(table.id());
                assertThat(listObject.getDisplayName()).isEqualTo(table.id());
                assertThat(listObject.getCTTable().isSetAutoFilter()).as("no filter buttons on a short table").isFalse();
                assertThat(sheet.getPaneInformation()).as("no frozen panes on a short table").isNull();
                assertThat(listObject.getCTTable().getTableStyleInfo().getName()).isNotBlank();

                String refs = table.noteRefs().stream().map(n -> " [noot " + n + "]").collect(Collectors.joining());
                assertThat(a1(sheet)).isEqualTo(table.title() + ", eerste halfjaar 2024" + refs);
                PublishedCell base = doc.base(table);
                String shownBase = base.suppressed() ? base.status().marker(T) : Long.toString(base.count());
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                        .isEqualTo(table.baseDescription() + " Basis (n): " + shownBase + ".");
                int header = listObject.getStartRowIndex();
                assertThat(header).isEqualTo(table.multiValued() ? 4 : 3);
                assertThat(listObject.getStartColIndex()).isZero();
                assertThat(listObject.getEndColIndex()).isEqualTo(4);
                assertThat(listObject.getEndRowIndex()).as("one header row, then one row per category").isEqualTo(header + table.rows().size());
                assertThat(listObject.getColumns()).extracting(c -> c.getName())
                        .containsExactly("Categorie", "Aantal", "Percentage", "Basis (n)", "Status");
                for (int r = 1; r < header; r++) {
                    assertThat(sheet.getRow(r).getLastCellNum()).as("intro lines only in column A").isEqualTo((short) 1);
                }
                assertExplicitWidths(sheet, 5);

                for (int k = 0; k < table.rows().size(); k++) {
                    PublishedCell cell = table.rows().get(k);
                    XSSFRow row = sheet.getRow(header + 1 + k);
                    assertThat((Object) row).as("no blank rows in a table").isNotNull();
                    assertThat(row.getCell(0).getStringCellValue()).as("the label first, no code").isEqualTo(cell.label());
                    assertValues(row, 1, cell);
                    assertBase(row.getCell(3), base);
                }
                assertThat((Object) sheet.getRow(header + table.rows().size() + 1)).as("nothing below the table").isNull();
            }
            // the bases readers need: 91 requests, 63 professionals, 30 with additional support
            assertThat(wb.getSheet("Tabel_4").getRow(4).getCell(3).getNumericCellValue()).isEqualTo(63);
            assertThat(wb.getSheet("Tabel_5").getRow(5).getCell(3).getNumericCellValue()).isEqualTo(91);
            assertThat(wb.getSheet("Tabel_8").getRow(5).getCell(3).getNumericCellValue()).isEqualTo(30);
        }
    }

    @Test
    void noPercentageCellEverShowsTheSmallCountSign() throws Exception {
        for (ReportDocument doc : List.of(SampleReports.infographic2024H1(Language.NL).doc(), SampleReports.national(Language.EN).doc())) {
            try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(doc, T))) {
                int percentColumns = 0;
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    XSSFSheet sheet = wb.getSheetAt(i);
                    for (XSSFTable table : sheet.getTables()) {
                        int header = table.getStartRowIndex();
                        for (int c = table.getStartColIndex(); c <= table.getEndColIndex(); c++) {
                            if (!sheet.getRow(header).getCell(c).getStringCellValue().equals("Percentage")) {
                                continue;
                            }
                            percentColumns++;
                            for (int r = header + 1; r <= table.getEndRowIndex(); r++) {
                                XSSFCell cell = sheet.getRow(r).getCell(c);
                                if (cell != null && cell.getCellType() == CellType.STRING) {
                                    assertThat(cell.getStringCellValue()).as(sheet.getSheetName() + " row " + (r + 1))
                                            .isIn("[c]", "[z]");
                                }
                            }
                        }
                    }
                }
                assertThat(percentColumns).as("every table sheet, the data sheet and the percentage charts").isGreaterThan(5);
            }
        }
    }

    @Test
    void aWithheldBaseShowsItsSignAndTheTablesPercentagesAreWithheldToo() throws Exception {
        PublishedTable total = new PublishedTable("total", "Totaal", "Alle verzoeken.", "total.TOTAL", List.of(), false,
                List.of(PublishedCell.published("TOTAL", "Totaal", 40, null)));
        PublishedTable requester = new PublishedTable("requester", "Type aanvrager", "Verzoeken.", "total.TOTAL", List.of(), false,
                List.of(PublishedCell.secondary("PROFESSIONAL", "Professional"), PublishedCell.secondary("CITIZEN", "Burger")));
        PublishedTable domains = new PublishedTable("work_domain", "Werkterreinen", "Verzoeken van professionals.",
                "requester.PROFESSIONAL", List.of(), false, List.of(PublishedCell.published("CARE", "Zorg", 20, null),
                PublishedCell.primary("YOUTH", "Jeugd")));
        ReportDocument doc = new ReportDocument("d", "T", "2024", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "p",
                Language.NL, SampleReports.LSE, "s", java.time.LocalDateTime.of(2025, 1, 1, 0, 0), List.of(),
                List.of(total, requester, domains), new AuditStatement(true, "ok"), List.of(), List.of(),
                PublicationState.draft(false, null));
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(doc, T))) {
            XSSFSheet sheet = wb.getSheet("Tabel_3");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).endsWith("Basis (n): [c]; de percentages staan daarom als [c].");
            XSSFRow care = sheet.getRow(4);
            assertThat(care.getCell(1).getNumericCellValue()).isEqualTo(20);
            assertThat(care.getCell(2).getStringCellValue()).isEqualTo("[c]");
            assertThat(care.getCell(3).getStringCellValue()).as("the base's sign, never its number").isEqualTo("[c]");
            assertThat(wb.getSheet("Tabel_1").getRow(4).getCell(2).getStringCellValue()).as("the total's own percentage").isEqualTo("[z]");
        }
    }

    @Test
    void suppressedCellsHoldTheMarkerAsTextAndPublishedCellsAreFormattedNumbers() throws Exception {
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.infographic2024H1(Language.NL).doc(), T))) {
            XSSFSheet sheet = wb.getSheet("Tabel_4");   // work_domain
            XSSFRow security = sheet.getRow(4);
            assertThat(security.getCell(1).getNumericCellValue()).isEqualTo(18);
            assertThat(security.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(security.getCell(2).getNumericCellValue()).isEqualTo(0.286);
            assertThat(security.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            XSSFRow municipality = sheet.getRow(8);
            assertThat(municipality.getCell(0).getStringCellValue()).isEqualTo("Gemeente");
            assertThat(municipality.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(municipality.getCell(1).getStringCellValue()).isEqualTo("[c]");
            assertThat(municipality.getCell(2).getStringCellValue()).isEqualTo("[c]");
            assertThat(municipality.getCell(4).getStringCellValue()).isEqualTo("niet getoond: vertrouwelijk");
            XSSFRow youth = sheet.getRow(9);
            assertThat(youth.getCell(1).getStringCellValue()).isEqualTo("< 5");
            assertThat(youth.getCell(2).getStringCellValue()).as("a percentage never reads '< 5'").isEqualTo("[c]");
            assertThat(youth.getCell(4).getStringCellValue()).isEqualTo("niet getoond: klein aantal");

            XSSFRow total = wb.getSheet("Tabel_1").getRow(4);
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(91);
            assertThat(total.getCell(2).getStringCellValue()).as("no percentage for the total, and an explained sign").isEqualTo("[z]");
        }
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.infographic2024H1(Language.NL).doc(), 10))) {
            assertThat(wb.getSheet("Tabel_4").getRow(9).getCell(1).getStringCellValue()).isEqualTo("< 10");
            assertThat(columnTexts(wb.getSheet("Toelichting"), 0)).contains("< 10").doesNotContain("< 5");
        }
        assertThatThrownBy(() -> WorkbookWriter.toBytes(SampleReports.infographic2024H1(Language.NL).doc(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDataSheetHoldsEveryCellInLongFormatWithPeriodAndBaseAndIsTheOneWithFilters() throws Exception {
        ReportDocument doc = SampleReports.national(Language.NL).doc();
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(doc, T))) {
            XSSFSheet data = wb.getSheet("Data");
            XSSFTable table = data.getTables().get(0);
            assertThat(table.getName()).isEqualTo("data");
            assertThat(table.getColumns()).extracting(c -> c.getName())
                    .containsExactly("Periode", "Tabel", "Code", "Categorie", "Aantal", "Percentage", "Basis (n)", "Status");
            assertThat(table.getCTTable().isSetAutoFilter()).isTrue();
            int header = table.getStartRowIndex();
            assertFrozenAt(data, header + 1);
            assertThat(allText(data)).contains("De kopregel blijft staan bij het scrollen en heeft filterknoppen");
            assertExplicitWidths(data, 8);
            int r = header + 1;
            for (PublishedTable t : doc.tables()) {
                for (PublishedCell cell : t.rows()) {
                    XSSFRow row = data.getRow(r++);
                    assertThat(row.getCell(0).getStringCellValue()).isEqualTo("2024");
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo(t.id());
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo(cell.category());
                    assertThat(row.getCell(3).getStringCellValue()).isEqualTo(cell.label());
                    assertValues(row, 4, cell);
                    assertBase(row.getCell(6), doc.base(t));
                }
            }
            assertThat(table.getEndRowIndex()).isEqualTo(r - 1);
            assertThat(data.getRow(header + 1 + doc.tables().get(0).rows().size() + doc.tables().get(1).rows().size())
                    .getCell(6).getNumericCellValue()).as("work domains: the professionals").isEqualTo(13877);
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
            assertThat(columnTexts(contents, 1)).contains("Type aanvrager, eerste halfjaar 2024",
                    "Werkterreinen van professionals, eerste halfjaar 2024");
        }
    }

    @Test
    void theNotesSheetExplainsMarkersBasesMultiValuedTablesTheAuditAndRevisions() throws Exception {
        ReportDocument doc = SampleReports.infographic2024H1(Language.NL).doc();
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(doc, T))) {
            XSSFSheet notes = wb.getSheet("Toelichting");
            assertThat(notes.getTables()).extracting(XSSFTable::getName).containsExactly("notes");
            Map<String, String> byKey = new java.util.LinkedHashMap<>();
            for (int r = notes.getTables().get(0).getStartRowIndex() + 1; r <= notes.getLastRowNum(); r++) {
                byKey.merge(notes.getRow(r).getCell(0).getStringCellValue(), notes.getRow(r).getCell(1).getStringCellValue(),
                        (a, b) -> a + "\n" + b);
            }
            assertThat(byKey.keySet()).containsExactly("[noot 1]", "[noot 2]", "[noot 3]", "< 5", "[c]", "[z]", "Basis (n)",
                    "Meerdere categorieën", "Filters", "Controle", "Wijziging");
            assertThat(byKey.get("< 5")).contains("kleiner dan 5").contains("In de kolom Percentage staat dan [c]");
            assertThat(byKey.get("[c]")).startsWith("Vertrouwelijk").contains("In de kolom Percentage");
            assertThat(byKey.get("Meerdere categorieën")).contains("meer dan 100%").contains("Tabel_5 (Verschijningsvormen)")
                    .contains("Tabel_6 (Hulpvragen)").contains("Tabel_8 (Aanvullende ondersteuning)").doesNotContain("Tabel_4");
            assertThat(byKey.get("Controle")).startsWith("Geslaagd. Alle 32 cellen").doesNotContain("Geslaagd. Geslaagd.");
            assertThat(byKey.get("Wijziging")).isEqualTo("Gewijzigd sinds een eerdere publicatie van deze periode:"
                    + " Type aanvrager (Tabel_2), Niet-professional (burger): 27 → 28.");
            // every listed note is referred to from at least one table's title
            String titles = "";
            for (int i = 1; i <= doc.tables().size(); i++) {
                titles += a1(wb.getSheet("Tabel_" + i)) + "\n";
            }
            for (String key : byKey.keySet()) {
                if (key.startsWith("[noot")) {
                    assertThat(titles).as(key).contains(key);
                }
            }
        }
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.national(Language.NL).doc(), T))) {
            assertThat(columnTexts(wb.getSheet("Toelichting"), 1))
                    .contains("Gewijzigd sinds een eerdere publicatie van deze periode: Werkterreinen (Tabel_3), Jeugd: 6 → < 5.");
        }
    }

    @Test
    void aRevisionMustShowWhatTheTableShows() {
        ReportDocument doc = SampleReports.national(Language.NL).doc();
        for (String wrong : List.of("3", "[c]", "-")) {
            ReportDocument bad = new ReportDocument(doc.definitionName(), doc.title(), doc.period(), doc.periodStart(),
                    doc.periodEnd(), doc.population(), doc.lang(), doc.contact(), doc.sourceSummary(), doc.dataAsOf(),
                    doc.notes(), doc.tables(), doc.audit(), List.of(new ChangedCell("work_domain", "YOUTH", "6", wrong)),
                    doc.charts(), doc.publication());
            assertThatThrownBy(() -> WorkbookWriter.toBytes(bad, T)).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the table shows '< 5'");
        }
    }

    @Test
    void chartsAreNativeWithSolidFillsAndAltTextThatStatesTheMessage() throws Exception {
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.infographic2024H1(Language.NL).doc(), T))) {
            XSSFSheet sheet = wb.getSheet("Grafieken");
            XSSFDrawing drawing = sheet.getDrawingPatriarch();
            List<XSSFChart> charts = drawing.getCharts();
            assertThat(charts).hasSize(5);
            assertThat(charts).extracting(c -> c.getTitleText().getString()).containsExactly("Type aanvrager, eerste halfjaar 2024",
                    "Medium van eerste contact, eerste halfjaar 2024", "Werkterreinen van professionals, eerste halfjaar 2024",
                    "Verschijningsvormen, eerste halfjaar 2024", "Opvolging, eerste halfjaar 2024");
            // requester, first contact and follow-up are pies (all published); work domains and phenomena bars.
            assertThat(charts).extracting(c -> c.getCTChart().getPlotArea().sizeOfPieChartArray())
                    .containsExactly(1, 1, 0, 0, 1);
            assertThat(charts).extracting(c -> c.getCTChart().getPlotArea().sizeOfBarChartArray())
                    .containsExactly(0, 0, 1, 1, 0);
            List<String> alt = new ArrayList<>();
            for (int i = 0; i < charts.size(); i++) {
                XSSFChart chart = charts.get(i);
                String xml = chart.getCTChartSpace().xmlText();
                assertThat(xml).contains("solidFill").contains("dispBlanksAs val=\"gap\"");
                alt.add(drawing.getCTDrawing().getTwoCellAnchorArray(i).getGraphicFrame().getNvGraphicFramePr().getCNvPr().getDescr());
            }
            assertThat(alt.get(0)).isEqualTo("Cirkeldiagram. Type aanvrager, eerste halfjaar 2024: de grootste categorie is"
                    + " Professional met 69,2%.");
            assertThat(alt.get(2)).isEqualTo("Staafdiagram. Werkterreinen van professionals, eerste halfjaar 2024: de grootste"
                    + " categorie is Veiligheidsdomein met 18 (28,6%). Niet getoond: Gemeente ([c]), Jeugd (< 5).");
            // pie slices are coloured one by one
            assertThat(charts.get(1).getCTChart().getPlotArea().getPieChartArray(0).getSerArray(0).sizeOfDPtArray()).isEqualTo(3);

            // each chart's data is a marked table under a heading, and printed each chart gets a page of its own
            assertThat(sheet.getTables()).extracting(XSSFTable::getName)
                    .containsExactly("chart_1", "chart_2", "chart_3", "chart_4", "chart_5");
            for (XSSFTable block : sheet.getTables()) {
                XSSFCell heading = sheet.getRow(block.getStartRowIndex() - 1).getCell(0);
                assertThat(heading.getStringCellValue()).startsWith("Gegevens van de grafiek: ");
                assertThat(styleName(wb, heading)).isEqualTo("Heading 2");
                assertThat(block.getCTTable().isSetAutoFilter()).isFalse();
            }
            assertThat(sheet.getRowBreaks()).hasSize(4);
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(wb.getPrintArea(wb.getSheetIndex(sheet))).startsWith("Grafieken!$A$1:$M$");
        }
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.national(Language.NL).doc(), T))) {
            List<XSSFChart> charts = wb.getSheet("Grafieken").getDrawingPatriarch().getCharts();
            assertThat(charts.get(0).getCTChart().getPlotArea().sizeOfPieChartArray())
                    .as("a pie with a withheld slice is drawn as bars").isZero();
            assertThat(charts.get(0).getCTChart().getPlotArea().sizeOfBarChartArray()).isEqualTo(1);
        }
    }

    @Test
    void titlesAndHeadingsUseExcelsNamedHeadingStyles() throws Exception {
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(SampleReports.infographic2024H1(Language.NL).doc(), T))) {
            assertThat(styleName(wb, wb.getSheet("Voorblad").getRow(0).getCell(0))).isEqualTo("Title");
            assertThat(styleName(wb, wb.getSheet("Voorblad").getRow(2).getCell(0))).isEqualTo("Heading 2");
            for (String sheet : List.of("Inhoud", "Toelichting", "Tabel_1", "Tabel_8", "Data", "Grafieken")) {
                assertThat(styleName(wb, wb.getSheet(sheet).getRow(0).getCell(0))).as(sheet).isEqualTo("Heading 1");
            }
            assertThat(styleName(wb, wb.getSheet("Tabel_1").getRow(1).getCell(0))).isEqualTo("Normal");
        }
    }

    @Test
    void aReportWithoutChartsHasNoChartsSheet() throws Exception {
        ReportDocument d = SampleReports.national(Language.EN).doc();
        ReportDocument doc = new ReportDocument(d.definitionName(), d.title(), d.period(), d.periodStart(), d.periodEnd(),
                d.population(), d.lang(), d.contact(), d.sourceSummary(), d.dataAsOf(), d.notes(), d.tables(), d.audit(),
                List.of(), List.of(), d.publication());
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(doc, T))) {
            assertThat(sheetNames(wb)).containsExactly("Cover_sheet", "Contents", "Notes", "Table_1", "Table_2", "Table_3",
                    "Table_4", "Table_5", "Data");
            assertThat(columnTexts(wb.getSheet("Notes"), 1)).contains("No figures revised since an earlier publication of this period.");
            assertThat(wb.getAllNames()).isEmpty();
        }
    }

    @Test
    void documentPropertiesAreFixedNameTheLanguageAndTheOrganisationAsAuthor() throws Exception {
        for (Language lang : Language.values()) {
            ReportDocument doc = SampleReports.infographic2024H1(lang).doc();
            byte[] xlsx = WorkbookWriter.toBytes(doc, T);
            try (XSSFWorkbook wb = Xlsx.open(xlsx)) {
                var core = wb.getProperties().getCoreProperties();
                Date asOf = Date.from(doc.dataAsOf().atZone(ZoneId.of("Europe/Amsterdam")).toInstant());
                assertThat(core.getCreated()).isEqualTo(asOf);
                assertThat(core.getModified()).isEqualTo(asOf);
                assertThat(core.getCreator()).as("the author is the organisation, not the software")
                        .isEqualTo("Landelijk Steunpunt Extremisme (LSE)");
                assertThat(core.getLastModifiedByUser()).isEqualTo("Landelijk Steunpunt Extremisme (LSE)");
                assertThat(core.getUnderlyingProperties().getLanguageProperty().orElseThrow())
                        .isEqualTo(lang == Language.NL ? "nl-NL" : "en-GB");
                assertThat(core.getIdentifier()).isEqualTo("infographic-2024-H1." + (lang == Language.NL ? "nl" : "en") + ".concept");
            }
            assertThat(Xlsx.parts(xlsx).get("docProps/core.xml")).contains("<dc:language>" + (lang == Language.NL ? "nl-NL" : "en-GB"));
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void assertValues(XSSFRow row, int col, PublishedCell cell) {
        XSSFCell count = row.getCell(col);
        XSSFCell percent = row.getCell(col + 1);
        if (cell.suppressed()) {
            assertThat(count.getCellType()).isEqualTo(CellType.STRING);
            assertThat(count.getStringCellValue()).isEqualTo(cell.status().marker(T));
            assertThat(percent.getCellType()).isEqualTo(CellType.STRING);
            assertThat(percent.getStringCellValue()).isEqualTo("[c]");
        } else {
            assertThat(count.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(count.getNumericCellValue()).isEqualTo(cell.count().doubleValue());
            assertThat(count.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            if (cell.percent() == null) {
                assertThat(percent.getCellType()).isEqualTo(CellType.STRING);
                assertThat(percent.getStringCellValue()).isIn("[z]", "[c]");
            } else {
                assertThat(percent.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
                assertThat(percent.getNumericCellValue()).isEqualTo(Math.round(cell.percent() * 10) / 1000.0);
            }
        }
    }

    private static void assertBase(XSSFCell shown, PublishedCell base) {
        if (base.suppressed()) {
            assertThat(shown.getStringCellValue()).isEqualTo(base.status().marker(T));
        } else {
            assertThat(shown.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(shown.getNumericCellValue()).isEqualTo(base.count().doubleValue());
        }
    }

    /** The name of the named cell style (Normal, Title, Heading 1, …) a cell's style is based on. */
    private static String styleName(XSSFWorkbook wb, XSSFCell cell) throws Exception {
        long xfId = cell.getCellStyle().getCoreXf().getXfId();
        String styles = Xlsx.parts(toBytes(wb)).get("xl/styles.xml");
        Matcher m = Pattern.compile("<cellStyle name=\"([^\"]+)\" xfId=\"" + xfId + "\" builtinId=\"\\d+\"/>").matcher(styles);
        assertThat(m.find()).as("a named style with xfId " + xfId + " in " + styles).isTrue();
        return m.group(1);
    }

    private static byte[] toBytes(XSSFWorkbook wb) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
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
