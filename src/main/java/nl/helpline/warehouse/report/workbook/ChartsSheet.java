package nl.helpline.warehouse.report.workbook;

import static nl.helpline.warehouse.report.workbook.WorkbookBuilder.text;

import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDLblPos;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDispBlanksAs;
import org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps;
import org.openxmlformats.schemas.drawingml.x2006.main.CTRegularTextRun;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextParagraph;

/**
 * The charts sheet. Each chart sits beside a small range holding exactly what it plots: one row per
 * category, the label and the published value. A withheld category keeps its row (its label says
 * "(&lt; 5)" or "([c])") but its value cell stays empty, so the chart's series reference and POI's
 * cached values hold published numbers only; the chart shows the empty cell as a gap.
 *
 * <p>Fills are explicit solid colours (the Analysis Function's accessible categorical palette) so
 * that LibreOffice draws them too.
 */
final class ChartsSheet {

    /** Analysis Function categorical palette: dark blue, turquoise, dark pink, orange, dark grey, light purple. */
    static final List<byte[]> PALETTE = List.of(
            rgb(0x12436D), rgb(0x28A197), rgb(0x801650), rgb(0xF46A25), rgb(0x3D3D3D), rgb(0xA285D1));

    private static final int FIRST_BLOCK_ROW = 5;
    private static final int CHART_ROWS = 20;
    private static final int CHART_FIRST_COL = 3;
    private static final int CHART_LAST_COL = 12;
    private static final int WIDTH_B = 13;
    private static final int WIDTH_C = 3;

    private final XSSFSheet sheet;
    private final ReportDocument doc;
    private final int threshold;
    private final Texts tx;
    private final WorkbookBuilder.Styles styles;
    private int blockWidth;

    ChartsSheet(XSSFSheet sheet, ReportDocument doc, int threshold, Texts tx, WorkbookBuilder.Styles styles) {
        this.sheet = sheet;
        this.doc = doc;
        this.threshold = threshold;
        this.tx = tx;
        this.styles = styles;
    }

    void build() {
        text(sheet, 0, 0, tx.chartsTitle() + ", " + doc.periodName(), styles.heading1);
        text(sheet, 1, 0, tx.chartsLine(), styles.plain);
        text(sheet, 2, 0, tx.chartsSuppressedLine(), styles.plain);
        text(sheet, 3, 0, tx.chartsPrintLine(), styles.plain);
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        int row = FIRST_BLOCK_ROW;
        int widthA = 30;
        for (ChartSpec spec : doc.charts()) {
            for (PublishedCell cell : doc.table(spec.tableId()).orElseThrow().rows()) {
                widthA = Math.max(widthA, chartLabel(cell).length() + 2);
            }
        }
        widthA = Math.min(60, widthA);
        // The headings wrap within the block; merged cells would do it more neatly but trouble screen readers.
        blockWidth = widthA;
        int n = 0;
        for (ChartSpec spec : doc.charts()) {
            PublishedTable table = doc.table(spec.tableId()).orElseThrow();
            if (row > FIRST_BLOCK_ROW) {
                sheet.setRowBreak(row - 1);   // printed, each chart gets its own page
            }
            int height = chart(drawing, spec, table, row, ++n);
            row += height + 1;
        }
        sheet.setColumnWidth(0, widthA * 256);
        sheet.setColumnWidth(1, WIDTH_B * 256);
        sheet.setColumnWidth(2, WIDTH_C * 256);
        // What prints: the blocks and their charts, one page wide, nothing beyond the last chart's column.
        sheet.getWorkbook().setPrintArea(sheet.getWorkbook().getSheetIndex(sheet), 0, CHART_LAST_COL, 0, Math.max(row - 2, 0));
    }

    /**
     * The label a chart shows for a category: with its sign when the value is withheld (with a no-break
     * space, so an axis label is not wrapped inside "&lt; 5").
     */
    private String chartLabel(PublishedCell cell) {
        return cell.suppressed() ? cell.label() + " (" + cell.status().marker(threshold).replace(' ', '\u00A0') + ")" : cell.label();
    }

    /** Writes chart number {@code n} and its data block at {@code top}; returns the rows used. */
    private int chart(XSSFDrawing drawing, ChartSpec spec, PublishedTable table, int top, int n) {
        String title = title(spec, table) + ", " + doc.periodName() + (doc.publication().provisional() ? " [p]" : "");
        boolean percent = spec.effectiveMeasure(table) == ChartSpec.Measure.PERCENT;
        ChartSpec.Type type = spec.effectiveType(table);

        // The block's heading (a Heading 2) wraps within A to C: run on, it would disappear behind the chart.
        // 12-point bold takes about a quarter more room a character than the 11-point text the estimate is made for.
        WorkbookBuilder.wrapped(sheet, top, 0, tx.chartDataTitle(title), styles.heading2Wrapped, blockWidth * 3 / 4, 16f);
        int headerRow = top + 1;
        XSSFRow header = sheet.createRow(headerRow);
        text(header, 0, tx.labelHeader(), styles.header);
        text(header, 1, percent ? tx.percentHeader() : tx.countHeader(), styles.headerRight);
        int first = headerRow + 1;
        int r = first;
        for (PublishedCell cell : table.rows()) {
            XSSFRow row = sheet.createRow(r++);
            text(row, 0, chartLabel(cell), styles.plain);
            XSSFCell value = row.createCell(1);
            value.setCellStyle(percent ? styles.percent : styles.count);
            // Only a published value is ever put here; a withheld category's cell stays empty.
            if (!cell.suppressed()) {
                if (percent && cell.percent() != null) {
                    value.setCellValue(Numbers.fraction(cell.percent()));
                } else if (!percent) {
                    value.setCellValue(cell.count());
                }
            }
        }
        int last = r - 1;
        WorkbookBuilder.excelTable(sheet, PublishedTable.RESERVED_PREFIX + n, headerRow, last, 1, false);

        int rows = Math.max(CHART_ROWS, last - top + 2);
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, CHART_FIRST_COL, top, CHART_LAST_COL + 1, top + rows);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        // POI tags the title with the JVM's default locale; tag it with the report's language instead, so
        // the bytes do not depend on where the report is made.
        String languageTag = doc.lang().locale().toLanguageTag();
        for (CTTextParagraph paragraph : chart.getCTChart().getTitle().getTx().getRich().getPArray()) {
            for (CTRegularTextRun run : paragraph.getRArray()) {
                run.getRPr().setLang(languageTag);
            }
            if (paragraph.isSetEndParaRPr()) {
                paragraph.getEndParaRPr().setLang(languageTag);
            }
        }

        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(first, last, 0, 0));
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(first, last, 1, 1));
        // Labels show the values exactly as the tables do (one decimal): a whole-percent label on a value
        // already rounded to one decimal would round twice (5.49% -> 5.5% -> "6%").
        String numberFormat = percent ? "0.0%" : "#,##0";
        values.setFormatCode(numberFormat);
        CellReference seriesName = new CellReference(sheet.getSheetName(), headerRow, 1, true, true);
        String seriesTitle = percent ? tx.percentHeader() : tx.countHeader();

        CTChart ct = chart.getCTChart();
        if (type == ChartSpec.Type.PIE) {
            XDDFPieChartData data = (XDDFPieChartData) chart.createData(ChartTypes.PIE, null, null);
            data.setVaryColors(true);
            XDDFChartData.Series series = data.addSeries(categories, values);
            series.setTitle(seriesTitle, seriesName);
            chart.plot(data);
            for (int i = 0; i < table.rows().size(); i++) {
                series.getDataPoint(i).setFillProperties(solid(PALETTE.get(i % PALETTE.size())));
            }
            chart.getOrAddLegend().setPosition(LegendPosition.RIGHT);
            labels(ct.getPlotArea().getPieChartArray(0).getSerArray(0).addNewDLbls(), numberFormat, STDLblPos.OUT_END);
        } else {
            XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(AxisPosition.LEFT);
            XDDFValueAxis valueAxis = chart.createValueAxis(AxisPosition.BOTTOM);
            // First category at the top, as in the table; the value axis then crosses at the bottom.
            categoryAxis.setOrientation(AxisOrientation.MAX_MIN);
            valueAxis.setCrosses(AxisCrosses.MAX);
            valueAxis.setMinimum(0);
            valueAxis.setNumberFormat(percent ? "0%" : "#,##0");
            XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categoryAxis, valueAxis);
            data.setBarDirection(BarDirection.BAR);
            data.setVaryColors(false);
            data.setGapWidth(60);
            XDDFChartData.Series series = data.addSeries(categories, values);
            series.setTitle(seriesTitle, seriesName);
            chart.plot(data);
            series.setFillProperties(solid(PALETTE.get(0)));
            labels(ct.getPlotArea().getBarChartArray(0).getSerArray(0).addNewDLbls(), numberFormat, STDLblPos.OUT_END);
        }
        (ct.isSetDispBlanksAs() ? ct.getDispBlanksAs() : ct.addNewDispBlanksAs()).setVal(STDispBlanksAs.GAP);
        (ct.isSetPlotVisOnly() ? ct.getPlotVisOnly() : ct.addNewPlotVisOnly()).setVal(true);
        if (!chart.getCTChartSpace().isSetRoundedCorners()) {
            chart.getCTChartSpace().addNewRoundedCorners().setVal(false);
        }

        CTNonVisualDrawingProps props = chart.getGraphicFrame().getCTGraphicalObjectFrame().getNvGraphicFramePr().getCNvPr();
        props.setName(title);
        PublishedCell largest = table.rows().stream().filter(c -> !c.suppressed())
                .max(java.util.Comparator.comparingLong(PublishedCell::count)).orElse(null);
        List<String> withheld = table.rows().stream().filter(PublishedCell::suppressed)
                .map(c -> c.label() + " (" + c.status().marker(threshold) + ")").toList();
        props.setDescr(tx.chartAltText(type, title, largest, percent, withheld));
        return rows;
    }

    private static String title(ChartSpec spec, PublishedTable table) {
        return spec.title() != null ? spec.title() : table.title();
    }

    private static void labels(CTDLbls labels, String numberFormat, STDLblPos.Enum position) {
        labels.addNewNumFmt().setFormatCode(numberFormat);
        labels.getNumFmt().setSourceLinked(false);
        labels.addNewDLblPos().setVal(position);
        labels.addNewShowLegendKey().setVal(false);
        labels.addNewShowVal().setVal(true);
        labels.addNewShowCatName().setVal(false);
        labels.addNewShowSerName().setVal(false);
        labels.addNewShowPercent().setVal(false);
        labels.addNewShowBubbleSize().setVal(false);
    }

    private static XDDFSolidFillProperties solid(byte[] rgb) {
        return new XDDFSolidFillProperties(XDDFColor.from(rgb));
    }

    private static byte[] rgb(int rgb) {
        return new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb};
    }
}
