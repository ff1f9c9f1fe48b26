package nl.helpline.warehouse.report.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import nl.helpline.warehouse.report.workbook.SampleReports.Hidden;
import nl.helpline.warehouse.report.workbook.SampleReports.Sample;

/**
 * No withheld value survives anywhere in the files: not as a number behind a display format, not
 * in a chart's cached values, not in a hidden sheet, not in a document property, not in the data
 * sheet, not in cells.csv.
 *
 * <p>The sample models are made like the engine makes them: from true counts, with the withheld
 * ones dropped before the model is built. The national sample's withheld cells have distinctive true
 * counts (1169, 1753, 2659), so their counts and percentages can be searched for as text in every part
 * of the package; small withheld counts (1 to 4) are not distinctive as text, so the scan also checks
 * every number the package holds (cell values and chart caches) against the published numbers.
 * A negative control writes the same report with the withheld cells published and shows the scan
 * finds each of them.
 */
class WorkbookLeakTest {

    private static final int T = SampleReports.THRESHOLD;

    @ParameterizedTest
    @EnumSource(Language.class)
    void noDistinctiveWithheldValueAppearsInAnyPartOrInTheCsv(Language lang) throws Exception {
        Sample sample = SampleReports.national(lang);
        byte[] xlsx = WorkbookWriter.toBytes(sample.doc(), T);
        Map<String, String> parts = Xlsx.parts(xlsx);
        assertThat(parts.keySet()).as("charts, core properties and tables are all scanned")
                .contains("docProps/core.xml", "docProps/app.xml", "xl/sharedStrings.xml", "xl/charts/chart1.xml",
                        "xl/drawings/drawing1.xml", "xl/tables/table1.xml", "xl/workbook.xml");
        String csv = new String(CellsCsvWriter.toBytes(sample.doc(), T), StandardCharsets.UTF_8);

        List<String> distinctive = distinctiveForms(sample.hidden());
        assertThat(distinctive).as("the sample has distinctive withheld values to look for").hasSizeGreaterThan(10);
        for (String form : distinctive) {
            Pattern p = standalone(form);
            for (Map.Entry<String, String> part : parts.entrySet()) {
                assertThat(p.matcher(part.getValue()).find()).as("withheld value '" + form + "' in " + part.getKey()).isFalse();
            }
            assertThat(p.matcher(csv).find()).as("withheld value '" + form + "' in cells.csv").isFalse();
        }

        // Positive control: the same scan does find published values where they belong.
        assertThat(standalone("4211").matcher(parts.get("xl/worksheets/sheet6.xml")).find()).as("Tabel_3").isTrue();
        assertThat(standalone("0.303").matcher(parts.get("xl/worksheets/sheet6.xml")).find()).isTrue();
        assertThat(partsContaining(parts, "4211")).contains("xl/charts/chart2.xml");
    }

    @Test
    void theScanFindsEveryWithheldValueWhenAWriterIsGivenThem() throws Exception {
        Sample leaky = SampleReports.national(Language.NL, true);
        Map<String, String> parts = Xlsx.parts(WorkbookWriter.toBytes(leaky.doc(), T));
        String csv = new String(CellsCsvWriter.toBytes(leaky.doc(), T), StandardCharsets.UTF_8);
        for (Hidden h : leaky.hidden()) {
            if (h.count() >= 100) {
                String count = Long.toString(h.count());
                assertThat(partsContaining(parts, count)).as(count).anyMatch(p -> p.startsWith("xl/worksheets/"));
                assertThat(standalone(count).matcher(csv).find()).isTrue();
                String fraction = Numbers.percent(h.percent()).movePointLeft(2).stripTrailingZeros().toPlainString();
                assertThat(partsContaining(parts, fraction)).as(fraction).anyMatch(p -> p.startsWith("xl/worksheets/"));
                List<String> charts = new ArrayList<>(partsContaining(parts, count));
                charts.addAll(partsContaining(parts, fraction));
                assertThat(charts).as("in a chart's cache").anyMatch(p -> p.startsWith("xl/charts/"));
                assertThat(standalone(Numbers.percent(h.percent()).toPlainString()).matcher(csv).find()).isTrue();
            }
        }
        Set<Double> allowed = publishedNumbers(SampleReports.national(Language.NL).doc());
        assertThat(numbersIn(parts)).as("the whitelist check notices withheld numbers, small ones included")
                .contains(1.0, 2.0, 3.0, 1169.0, 1753.0, 2659.0)
                .anyMatch(n -> !allowed.contains(n));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyNumberInThePackageIsAPublishedNumber(Language lang) throws Exception {
        for (Sample sample : List.of(SampleReports.national(lang), SampleReports.infographic2024H1(lang))) {
            Map<String, String> parts = Xlsx.parts(WorkbookWriter.toBytes(sample.doc(), T));
            Set<Double> allowed = publishedNumbers(sample.doc());
            Set<Double> found = numbersIn(parts);
            assertThat(found).as("numbers in cells and chart caches").isNotEmpty();
            assertThat(allowed).containsAll(found);
            for (Map.Entry<String, String> part : parts.entrySet()) {
                assertThat(part.getValue()).as("no formulas in " + part.getKey()).doesNotContain("<f>").doesNotContain("<f ");
            }
            assertThat(parts.keySet()).as("no comments, custom properties, hidden extras")
                    .noneMatch(n -> n.contains("comments") || n.contains("custom") || n.contains("vml") || n.contains("pivot"));
            assertThat(parts.get("xl/workbook.xml")).doesNotContain("state=\"hidden\"").doesNotContain("veryHidden");
            assertThat(parts.get("xl/workbook.xml").replaceAll("<definedName[^>]*name=\"_xlnm.Print_Area\"[^>]*>[^<]*</definedName>", ""))
                    .as("no defined names but the charts' print area").doesNotContainPattern("<definedName[ >]");
        }
    }

    @Test
    void chartsPlotPublishedValuesOnlyAndWithheldCategoriesHaveNoValue() throws Exception {
        Sample sample = SampleReports.national(Language.NL);
        ReportDocument doc = sample.doc();
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(doc, T))) {
            XSSFSheet sheet = wb.getSheet("Grafieken");
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(doc.charts().size());
            for (int i = 0; i < charts.size(); i++) {
                ChartSpec spec = doc.charts().get(i);
                PublishedTable table = doc.table(spec.tableId()).orElseThrow();
                String xml = charts.get(i).getCTChartSpace().xmlText();

                // the cache holds one point per published category, and only those indexes
                List<Integer> cachedIdx = new ArrayList<>();
                Matcher numCache = Pattern.compile("<c:numCache>(.*?)</c:numCache>", Pattern.DOTALL).matcher(xml);
                assertThat(numCache.find()).isTrue();
                Matcher pt = Pattern.compile("<c:pt idx=\"(\\d+)\">").matcher(numCache.group(1));
                while (pt.find()) {
                    cachedIdx.add(Integer.parseInt(pt.group(1)));
                }
                List<Integer> publishedIdx = new ArrayList<>();
                for (int k = 0; k < table.rows().size(); k++) {
                    if (!table.rows().get(k).suppressed()) {
                        publishedIdx.add(k);
                    }
                }
                assertThat(cachedIdx).as(spec.tableId()).containsExactlyElementsOf(publishedIdx);

                // the series references the helper range, whose withheld rows have an empty value cell
                Matcher ref = Pattern.compile("<c:val><c:numRef><c:f>Grafieken!\\$B\\$(\\d+):\\$B\\$(\\d+)</c:f>").matcher(xml);
                assertThat(ref.find()).isTrue();
                int first = Integer.parseInt(ref.group(1)) - 1;
                assertThat(Integer.parseInt(ref.group(2)) - 1 - first + 1).isEqualTo(table.rows().size());
                for (int k = 0; k < table.rows().size(); k++) {
                    PublishedCell cell = table.rows().get(k);
                    XSSFRow row = sheet.getRow(first + k);
                    XSSFCell value = row.getCell(1);
                    if (cell.suppressed()) {
                        assertThat(row.getCell(0).getStringCellValue())
                                .isEqualTo(cell.label() + " (" + cell.status().marker(T).replace(' ', '\u00A0') + ")");
                        assertThat(value == null || value.getCellType() == CellType.BLANK).as(cell.category()).isTrue();
                    } else {
                        assertThat(row.getCell(0).getStringCellValue()).isEqualTo(cell.label());
                        assertThat(value.getCellType()).isEqualTo(CellType.NUMERIC);
                    }
                }
            }
        }
    }

    @Test
    void theInfographicsSmallWithheldCountsAreNowhereAsNumbers() throws Exception {
        Sample sample = SampleReports.infographic2024H1(Language.NL);
        try (XSSFWorkbook wb = Xlsx.open(WorkbookWriter.toBytes(sample.doc(), T))) {
            for (Hidden h : sample.hidden()) {
                int n = sample.doc().tables().indexOf(sample.doc().table(h.tableId()).orElseThrow());
                XSSFSheet sheet = wb.getSheet("Tabel_" + (n + 1));
                String label = sample.doc().table(h.tableId()).orElseThrow().row(h.category()).orElseThrow().label();
                XSSFRow row = findRow(sheet, 0, label);
                assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
                assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.STRING);
                assertThat(row.getCell(2).getStringCellValue()).as("never < 5 as a percentage").isEqualTo("[c]");
                XSSFRow data = findRow(wb.getSheet("Data"), 2, h.category(), h.tableId());
                assertThat(data.getCell(4).getCellType()).isEqualTo(CellType.STRING);
                assertThat(data.getCell(5).getCellType()).isEqualTo(CellType.STRING);
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The ways a withheld value could be written, for the values distinctive enough to search as text. */
    static List<String> distinctiveForms(List<Hidden> hidden) {
        Set<String> forms = new LinkedHashSet<>();
        for (Hidden h : hidden) {
            if (h.count() < 100) {
                continue;   // 1..99 occur as text everywhere (indexes, sizes); checked by the number whitelist
            }
            long n = h.count();
            forms.add(Long.toString(n));
            forms.add(String.format(java.util.Locale.ROOT, "%,d", n));                 // 1,753
            forms.add(String.format(java.util.Locale.ROOT, "%,d", n).replace(',', '.')); // 1.753
            double p = h.percent();
            BigDecimal exact = BigDecimal.valueOf(p);
            for (int scale = 1; scale <= 3; scale++) {
                String pct = exact.setScale(scale, RoundingMode.HALF_UP).toPlainString();
                forms.add(pct);                                      // 12.6
                forms.add(pct.replace('.', ','));                    // 12,6
                forms.add(exact.setScale(scale, RoundingMode.HALF_UP).movePointLeft(2).toPlainString()); // 0.126
            }
            forms.add(Double.toString(p));
            forms.add(Double.toString(p / 100));
            forms.add(exact.setScale(0, RoundingMode.HALF_UP).toPlainString() + "%");  // 13%
        }
        return new ArrayList<>(forms);
    }

    /** The form as a number on its own, not as part of a longer number. */
    static Pattern standalone(String form) {
        return Pattern.compile("(?<![0-9.])" + Pattern.quote(form) + "(?![0-9])");
    }

    private static List<String> partsContaining(Map<String, String> parts, String form) {
        Pattern p = standalone(form);
        return parts.entrySet().stream().filter(e -> p.matcher(e.getValue()).find()).map(Map.Entry::getKey).toList();
    }

    /** Published counts and the published percentages as the workbook stores them (fractions). */
    static Set<Double> publishedNumbers(ReportDocument doc) {
        Set<Double> numbers = new TreeSet<>();
        for (PublishedTable table : doc.tables()) {
            for (PublishedCell cell : table.rows()) {
                if (!cell.suppressed()) {
                    numbers.add(cell.count().doubleValue());
                    if (cell.percent() != null) {
                        numbers.add(Numbers.percent(cell.percent()).movePointLeft(2).doubleValue());
                    }
                }
            }
        }
        return numbers;
    }

    private static final Pattern CELL = Pattern.compile("<c r=\"[A-Z]+[0-9]+\"([^>]*?)(?:/>|>(.*?)</c>)", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("<v>(.*?)</v>");
    private static final Pattern CACHE = Pattern.compile("<c:(?:numCache|numLit)>(.*?)</c:(?:numCache|numLit)>", Pattern.DOTALL);
    private static final Pattern CACHE_VALUE = Pattern.compile("<c:v>(.*?)</c:v>");

    /** Every number held by a worksheet cell or a chart's cache. */
    static Set<Double> numbersIn(Map<String, String> parts) {
        Set<Double> numbers = new TreeSet<>();
        for (Map.Entry<String, String> part : parts.entrySet()) {
            if (part.getKey().startsWith("xl/worksheets/sheet")) {
                Matcher c = CELL.matcher(part.getValue());
                while (c.find()) {
                    String attrs = c.group(1);
                    boolean numeric = !attrs.contains("t=\"") || attrs.contains("t=\"n\"");
                    if (numeric && c.group(2) != null) {
                        Matcher v = VALUE.matcher(c.group(2));
                        if (v.find()) {
                            numbers.add(Double.parseDouble(v.group(1)));
                        }
                    }
                }
            }
            if (part.getKey().startsWith("xl/charts/")) {
                Matcher cache = CACHE.matcher(part.getValue());
                while (cache.find()) {
                    Matcher v = CACHE_VALUE.matcher(cache.group(1));
                    while (v.find()) {
                        numbers.add(Double.parseDouble(v.group(1)));
                    }
                }
            }
        }
        return numbers;
    }

    private static XSSFRow findRow(XSSFSheet sheet, int col, String value, String... also) {
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            XSSFRow row = sheet.getRow(r);
            if (row != null && row.getCell(col) != null && value.equals(row.getCell(col).toString())
                    && (also.length == 0 || also[0].equals(row.getCell(1).toString()))) {
                return row;
            }
        }
        throw new AssertionError(value + " not found on " + sheet.getSheetName());
    }
}
