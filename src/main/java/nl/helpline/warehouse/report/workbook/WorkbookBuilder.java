package nl.helpline.warehouse.report.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PaperSize;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFPrintSetup;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;

import nl.helpline.warehouse.report.PublicationState;

/** Builds the sheets of one workbook; see {@link WorkbookWriter} for the layout. */
final class WorkbookBuilder {

    /** Width in characters of the wide text columns (cover, note texts). */
    private static final int TEXT_WIDTH = 90;

    private static final String TABLE_STYLE = "TableStyleLight9";
    static final String FONT = "Arial";

    private final XSSFWorkbook wb;
    private final ReportDocument doc;
    private final int threshold;
    private final Texts tx;
    final Styles styles;

    WorkbookBuilder(XSSFWorkbook wb, ReportDocument doc, int threshold) {
        this.wb = wb;
        this.doc = doc;
        this.threshold = threshold;
        this.tx = Texts.of(doc.lang());
        this.styles = new Styles(wb);
    }

    /** A sheet and what the contents sheet says about it. */
    private record Entry(String sheetName, String description) {
    }

    void build() {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(tx.coverSheet(), tx.coverDescription()));
        entries.add(new Entry(tx.notesSheet(), tx.notesDescription()));
        for (int i = 0; i < doc.tables().size(); i++) {
            entries.add(new Entry(tx.tableSheet(i + 1), tableTitle(doc.tables().get(i))));
        }
        entries.add(new Entry(tx.dataSheet(), tx.dataDescription()));
        if (!doc.charts().isEmpty()) {
            entries.add(new Entry(tx.chartsSheet(), tx.chartsDescription()));
        }

        cover(wb.createSheet(tx.coverSheet()));
        contents(wb.createSheet(tx.contentsSheet()), entries);
        notes(wb.createSheet(tx.notesSheet()));
        for (int i = 0; i < doc.tables().size(); i++) {
            table(wb.createSheet(tx.tableSheet(i + 1)), doc.tables().get(i));
        }
        data(wb.createSheet(tx.dataSheet()));
        if (!doc.charts().isEmpty()) {
            new ChartsSheet(wb.createSheet(tx.chartsSheet()), doc, threshold, tx, styles).build();
        }
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            page(wb.getSheetAt(i));
        }
        wb.setActiveSheet(0);
        wb.setSelectedTab(0);
    }

    /** Printing: A4 landscape, one page wide; a draft says so at the top of every printed page. */
    private void page(XSSFSheet sheet) {
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        XSSFPrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PaperSize.A4_PAPER);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        if (doc.publication().isDraft()) {
            sheet.getHeader().setCenter(tx.draftBanner());
        }
    }

    /** A table's title as readers see it: with the period written out, [p] when provisional, and its notes. */
    String tableTitle(PublishedTable table) {
        return tx.tableTitle(table.title(), doc.periodName(), doc.publication().provisional());
    }

    /**
     * Title in A1 and one short line per row under it (no wrapping, so nothing is cut off in any
     * viewer); returns the row below them, where a table's header goes.
     */
    private int intro(XSSFSheet sheet, String title, List<String> lines) {
        text(sheet, 0, 0, title, styles.heading1);
        int r = 1;
        for (String line : lines) {
            text(sheet, r++, 0, line, styles.plain);
        }
        return r;
    }

    /**
     * A wrapped text cell with a row height for its text: viewers do not agree on growing rows by
     * themselves (LibreOffice does not), so the height is set from an estimate of the lines needed.
     */
    static XSSFCell wrapped(XSSFSheet sheet, int rowIndex, int col, String value, XSSFCellStyle style, int widthChars) {
        return wrapped(sheet, rowIndex, col, value, style, widthChars, 15f);
    }

    /** {@link #wrapped} for a font whose lines are {@code lineHeight} points high. */
    static XSSFCell wrapped(XSSFSheet sheet, int rowIndex, int col, String value, XSSFCellStyle style, int widthChars,
                            float lineHeight) {
        XSSFCell cell = text(sheet, rowIndex, col, value, style);
        int lines = 0;
        for (String paragraph : value.split("\\R", -1)) {
            // Arial fits about 1.2 characters of text per width unit (the width of a '0'); count a little less.
            lines += Math.max(1, (int) Math.ceil(paragraph.length() / (widthChars * 1.15 - 2)));
        }
        XSSFRow row = cell.getRow();
        row.setHeightInPoints(Math.max(row.getHeightInPoints(), lines * lineHeight + 2f));
        return cell;
    }

    // ---- cover -------------------------------------------------------------------------------

    private void cover(XSSFSheet sheet) {
        sheet.setColumnWidth(0, TEXT_WIDTH * 256);
        PublicationState publication = doc.publication();
        int r = 0;
        // 14 points: fewer characters to a line, and higher lines.
        wrapped(sheet, r++, 0, doc.title() + ", " + doc.periodName(), styles.title, TEXT_WIDTH * 11 / 14, 19f);
        if (publication.isDraft()) {
            text(sheet, r++, 0, tx.draftBanner(), styles.draft);
        }
        r = section(sheet, r, tx.periodHeading(), tx.periodText(doc.periodName(), doc.periodStart(), doc.periodEnd()));
        r = section(sheet, r, tx.populationHeading(), doc.population());
        r = section(sheet, r, tx.publicationHeading(),
                tx.publicationText(publication.isDraft(), publication.version(), publication.releasedOn()));
        r = section(sheet, r, tx.nextReleaseHeading(),
                tx.nextReleaseText(publication.nextRelease(), publication.isDraft(), publication.provisional()));
        if (publication.provisional()) {
            r = section(sheet, r, tx.provisionalHeading(), tx.provisionalText());
        }
        r = section(sheet, r, tx.sourceHeading(), doc.sourceSummary());
        // An empty period has no newest change: its "data as of" is a stand-in for the document dates only.
        boolean empty = doc.table(PublishedTable.TOTAL_ID).flatMap(t -> t.rows().stream().findFirst())
                .map(c -> !c.suppressed() && c.count() == 0).orElse(false);
        r = section(sheet, r, tx.dataAsOfHeading(), empty ? tx.noRequestsText() : tx.dataAsOfText(doc.dataAsOf()));
        r = section(sheet, r, tx.suppressionHeading(), tx.suppressionText(threshold));
        Contact contact = doc.contact();
        text(sheet, r++, 0, tx.contactHeading(), styles.heading2);
        text(sheet, r++, 0, contact.organisation(), styles.plain);
        if (contact.phone() != null) {
            text(sheet, r++, 0, tx.phoneLabel() + contact.phone(), styles.plain);
        }
        if (contact.email() != null) {
            link(text(sheet, r++, 0, tx.emailLabel() + contact.email(), styles.link), HyperlinkType.EMAIL, "mailto:" + contact.email());
        }
        if (contact.website() != null) {
            link(text(sheet, r++, 0, tx.websiteLabel() + contact.website(), styles.link), HyperlinkType.URL, contact.website());
        }
    }

    private void link(XSSFCell cell, HyperlinkType type, String address) {
        XSSFHyperlink hyperlink = wb.getCreationHelper().createHyperlink(type);
        hyperlink.setAddress(address);
        cell.setHyperlink(hyperlink);
    }

    private int section(XSSFSheet sheet, int row, String heading, String body) {
        text(sheet, row, 0, heading, styles.heading2);
        wrapped(sheet, row + 1, 0, body, styles.wrapped, TEXT_WIDTH);
        return row + 2;
    }

    // ---- contents ----------------------------------------------------------------------------

    private void contents(XSSFSheet sheet, List<Entry> entries) {
        int header = intro(sheet, tx.contentsTitle(), List.of(tx.contentsLine()));
        headerRow(sheet, header, List.of(tx.contentsSheetHeader(), tx.contentsTitleHeader()), Set.of());
        int r = header + 1;
        for (Entry entry : entries) {
            XSSFCell cell = text(sheet, r, 0, entry.sheetName(), styles.link);
            link(cell, HyperlinkType.DOCUMENT, "'" + entry.sheetName() + "'!A1");
            text(sheet, r, 1, entry.description(), styles.plain);
            r++;
        }
        excelTable(sheet, "contents", header, r - 1, 1, false);
        sheet.setColumnWidth(0, width(entries.stream().map(Entry::sheetName), tx.contentsSheetHeader(), 14, 40));
        sheet.setColumnWidth(1, width(entries.stream().map(Entry::description), tx.contentsTitleHeader(), 30, 100));
    }

    // ---- notes -------------------------------------------------------------------------------

    private void notes(XSSFSheet sheet) {
        int header = intro(sheet, tx.notesTitle(), List.of(tx.notesLine()));
        headerRow(sheet, header, List.of(tx.notesKeyHeader(), tx.notesTextHeader()), Set.of());
        List<String[]> rows = new ArrayList<>();
        for (Note note : doc.notes()) {
            rows.add(new String[] {tx.noteRef(note.number()), note.text()});
        }
        rows.add(new String[] {CellStatus.PRIMARY.marker(threshold), tx.primaryMeaning(threshold)});
        rows.add(new String[] {CellStatus.SECONDARY.marker(threshold), tx.secondaryMeaning()});
        if (doc.tables().stream().anyMatch(t -> t.rows().stream().anyMatch(c -> NOT_APPLICABLE.equals(percentText(t, c))))) {
            rows.add(new String[] {NOT_APPLICABLE, tx.notApplicableMeaning()});
        }
        if (doc.publication().provisional()) {
            rows.add(new String[] {"[p]", tx.provisionalMeaning()});
        }
        if (!doc.publication().revisedCells().isEmpty()) {
            rows.add(new String[] {"[r]", tx.revisedMeaning()});
        }
        rows.add(new String[] {tx.baseKey(), tx.baseMeaning()});
        if (doc.tables().stream().anyMatch(PublishedTable::multiValued)) {
            String tables = doc.tables().stream().filter(PublishedTable::multiValued)
                    .map(t -> sheetOf(t) + " (" + t.title() + ")").collect(Collectors.joining(", "));
            rows.add(new String[] {tx.multiValuedKey(), tx.multiValuedMeaning() + " " + tables + "."});
        }
        rows.add(new String[] {tx.filtersKey(), tx.filtersMeaning()});
        rows.add(new String[] {tx.auditKey(), tx.auditText(doc.audit().passed(), doc.audit().text())});
        if (doc.changesSincePrevious().isEmpty()) {
            rows.add(new String[] {tx.changeKey(), tx.noChanges()});
        }
        for (ChangedCell change : doc.changesSincePrevious()) {
            PublishedTable table = doc.table(change.tableId()).orElseThrow();
            PublishedCell now = table.row(change.category()).orElse(null);
            String shownNow = now == null ? "-" : shown(now);
            if (!shownNow.equals(change.current())) {
                throw new IllegalArgumentException("revision of " + change.tableId() + "." + change.category() + " says it now"
                        + " shows '" + change.current() + "', but the table shows '" + shownNow + "'");
            }
            rows.add(new String[] {tx.changeKey(), tx.changeText(sheetOf(table), table.title(),
                    now == null ? change.category() : now.label(), change.previous(), change.current())});
        }
        int r = header + 1;
        for (String[] row : rows) {
            text(sheet, r, 0, row[0], styles.topAligned);
            wrapped(sheet, r, 1, row[1], styles.wrapped, TEXT_WIDTH);
            r++;
        }
        excelTable(sheet, "notes", header, r - 1, 1, false);
        sheet.setColumnWidth(0, width(rows.stream().map(row -> row[0]), tx.notesKeyHeader(), 12, 30));
        sheet.setColumnWidth(1, TEXT_WIDTH * 256);
    }

    /** A cell as readers see it: the count as digits, or the sign of a withheld count. */
    private String shown(PublishedCell cell) {
        return cell.suppressed() ? cell.status().marker(threshold) : Long.toString(cell.count());
    }

    private String sheetOf(PublishedTable table) {
        return tx.tableSheet(doc.tables().indexOf(table) + 1);
    }

    // ---- report tables -----------------------------------------------------------------------

    private void table(XSSFSheet sheet, PublishedTable table) {
        String title = tableTitle(table) + table.noteRefs().stream().map(n -> " " + tx.noteRef(n)).collect(Collectors.joining());
        PublishedCell base = doc.base(table);
        List<String> lines = new ArrayList<>(List.of(tx.baseLine(table.baseDescription(), shown(base), base.suppressed()),
                tx.tableLine(threshold)));
        if (table.multiValued()) {
            lines.add(tx.multiValuedLine());
        }
        int header = intro(sheet, title, lines);
        headerRow(sheet, header, List.of(tx.labelHeader(), tx.countHeader(), tx.percentHeader(), tx.baseHeader(), tx.statusHeader()),
                Set.of(1, 2, 3));
        sheet.getRow(header).getCell(4).setCellStyle(styles.headerIndented);
        int r = header + 1;
        for (PublishedCell cell : table.rows()) {
            XSSFRow row = sheet.createRow(r++);
            text(row, 0, cell.label(), styles.plain);
            values(row, 1, table, cell);
            baseValue(row, 3, base);
            text(row, 4, tx.status(cell.status(), doc.revised(table, cell), false), styles.status);
        }
        excelTable(sheet, table.id(), header, r - 1, 4, false);
        sheet.setColumnWidth(0, width(table.rows().stream().map(PublishedCell::label), tx.labelHeader(), 24, 60));
        sheet.setColumnWidth(1, 12 * 256);
        sheet.setColumnWidth(2, 13 * 256);
        sheet.setColumnWidth(3, 12 * 256);
        sheet.setColumnWidth(4, width(table.rows().stream().map(c -> tx.status(c.status(), doc.revised(table, c), false)),
                tx.statusHeader(), 12, 40) + 2 * 256);
    }

    /** Shown in the Percentage column of a published row without a percentage that is not withheld: the total's own row. */
    static final String NOT_APPLICABLE = "[z]";

    /**
     * What the Percentage column shows instead of a number: {@code [c]} for a withheld count (never its
     * {@code < 5}, which would read as "less than 5%") and for a table whose base is withheld, {@code [z]}
     * where a percentage makes no sense; null when a percentage is shown.
     */
    String percentText(PublishedTable table, PublishedCell cell) {
        if (cell.suppressed()) {
            return CellStatus.SECONDARY.marker(threshold);
        }
        if (cell.percent() != null) {
            return null;
        }
        return doc.base(table).suppressed() ? CellStatus.SECONDARY.marker(threshold) : NOT_APPLICABLE;
    }

    /** Count in {@code col}, percent in {@code col + 1}: numbers when published, a sign when not. */
    private void values(XSSFRow row, int col, PublishedTable table, PublishedCell cell) {
        if (cell.suppressed()) {
            text(row, col, cell.status().marker(threshold), styles.marker);
        } else {
            XSSFCell count = row.createCell(col);
            count.setCellValue(cell.count());
            count.setCellStyle(styles.count);
        }
        String percentText = percentText(table, cell);
        if (percentText != null) {
            text(row, col + 1, percentText, styles.marker);
        } else {
            XSSFCell percent = row.createCell(col + 1);
            percent.setCellValue(Numbers.fraction(cell.percent()));
            percent.setCellStyle(styles.percent);
        }
    }

    /** The base (n): its count, or its sign when the base cell is withheld. */
    private void baseValue(XSSFRow row, int col, PublishedCell base) {
        if (base.suppressed()) {
            text(row, col, base.status().marker(threshold), styles.marker);
        } else {
            XSSFCell cell = row.createCell(col);
            cell.setCellValue(base.count());
            cell.setCellStyle(styles.count);
        }
    }

    // ---- data --------------------------------------------------------------------------------

    private void data(XSSFSheet sheet) {
        int header = intro(sheet, tx.dataTitle() + ", " + doc.periodName() + (doc.publication().provisional() ? " [p]" : ""),
                List.of(tx.dataLine(), tx.dataMarkersLine(), tx.dataFiltersLine()));
        headerRow(sheet, header, List.of(tx.periodHeader(), tx.tableHeader(), tx.codeHeader(), tx.labelHeader(), tx.countHeader(),
                tx.percentHeader(), tx.baseHeader(), tx.statusHeader()), Set.of(4, 5, 6));
        sheet.getRow(header).getCell(7).setCellStyle(styles.headerIndented);
        int r = header + 1;
        List<String> statuses = new ArrayList<>();
        for (PublishedTable table : doc.tables()) {
            PublishedCell base = doc.base(table);
            for (PublishedCell cell : table.rows()) {
                XSSFRow row = sheet.createRow(r++);
                text(row, 0, doc.periodName(), styles.plain);
                text(row, 1, table.id(), styles.plain);
                text(row, 2, cell.category(), styles.plain);
                text(row, 3, cell.label(), styles.plain);
                values(row, 4, table, cell);
                baseValue(row, 6, base);
                String status = tx.status(cell.status(), doc.revised(table, cell), doc.publication().provisional());
                statuses.add(status);
                text(row, 7, status, styles.status);
            }
        }
        excelTable(sheet, "data", header, r - 1, 7, true);
        List<PublishedCell> all = doc.tables().stream().flatMap(t -> t.rows().stream()).toList();
        sheet.setColumnWidth(0, width(java.util.stream.Stream.of(doc.periodName()), tx.periodHeader(), 10, 60));
        sheet.setColumnWidth(1, width(doc.tables().stream().map(PublishedTable::id), tx.tableHeader(), 10, 44));
        sheet.setColumnWidth(2, width(all.stream().map(PublishedCell::category), tx.codeHeader(), 10, 30));
        sheet.setColumnWidth(3, width(all.stream().map(PublishedCell::label), tx.labelHeader(), 24, 60));
        sheet.setColumnWidth(4, 12 * 256);
        sheet.setColumnWidth(5, 13 * 256);
        sheet.setColumnWidth(6, 12 * 256);
        sheet.setColumnWidth(7, width(statuses.stream(), tx.statusHeader(), 12, 44) + 2 * 256);
        // The one long table: its header stays in view, and it is the one with filter buttons.
        sheet.createFreezePane(0, header + 1);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** A header row; the columns in {@code numeric} are right-aligned. */
    private void headerRow(XSSFSheet sheet, int rowIndex, List<String> names, Set<Integer> numeric) {
        XSSFRow row = sheet.createRow(rowIndex);
        for (int c = 0; c < names.size(); c++) {
            text(row, c, names.get(c), numeric.contains(c) ? styles.headerRight : styles.header);
        }
    }

    /**
     * Makes rows {@code headerRow..lastRow}, columns {@code 0..lastCol} an Excel table named {@code name};
     * with filter buttons only when {@code filter} (a long table), since on a short one they only clutter.
     */
    static XSSFTable excelTable(XSSFSheet sheet, String name, int headerRow, int lastRow, int lastCol, boolean filter) {
        AreaReference area = new AreaReference(new CellReference(headerRow, 0), new CellReference(lastRow, lastCol),
                SpreadsheetVersion.EXCEL2007);
        XSSFTable table = sheet.createTable(area);
        table.setName(name);
        table.setDisplayName(name);
        table.updateHeaders();
        CTTable ct = table.getCTTable();
        if (filter && !ct.isSetAutoFilter()) {
            ct.addNewAutoFilter().setRef(area.formatAsString());
        } else if (!filter && ct.isSetAutoFilter()) {
            ct.unsetAutoFilter();
        }
        CTTableStyleInfo style = ct.isSetTableStyleInfo() ? ct.getTableStyleInfo() : ct.addNewTableStyleInfo();
        style.setName(TABLE_STYLE);
        style.setShowRowStripes(true);
        style.setShowColumnStripes(false);
        style.setShowFirstColumn(false);
        style.setShowLastColumn(false);
        return table;
    }

    /** A column width fitting the longest value (in characters, clamped), in Excel's 1/256 units. */
    static int width(java.util.stream.Stream<String> values, String header, int min, int max) {
        int longest = java.util.stream.Stream.concat(values, java.util.stream.Stream.of(header))
                .mapToInt(String::length).max().orElse(0);
        return Math.max(min, Math.min(max, longest + 3)) * 256;
    }

    static XSSFCell text(XSSFSheet sheet, int rowIndex, int col, String value, XSSFCellStyle style) {
        XSSFRow row = sheet.getRow(rowIndex);
        return text(row == null ? sheet.createRow(rowIndex) : row, col, value, style);
    }

    static XSSFCell text(XSSFRow row, int col, String value, XSSFCellStyle style) {
        XSSFCell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        return cell;
    }

    /** The workbook's cell styles, each created once. */
    static final class Styles {
        final XSSFCellStyle plain;
        final XSSFCellStyle title;
        final XSSFCellStyle heading1;
        final XSSFCellStyle heading2;
        final XSSFCellStyle heading2Wrapped;
        final XSSFCellStyle draft;
        final XSSFCellStyle wrapped;
        final XSSFCellStyle topAligned;
        final XSSFCellStyle header;
        final XSSFCellStyle headerRight;
        final XSSFCellStyle headerIndented;
        final XSSFCellStyle count;
        final XSSFCellStyle percent;
        final XSSFCellStyle status;
        final XSSFCellStyle marker;
        final XSSFCellStyle link;

        Styles(XSSFWorkbook wb) {
            // One font family throughout (the default font included); Arial is on every system or has a
            // metric-compatible stand-in, so column widths and row heights come out as planned.
            NamedStyles named = new NamedStyles(wb);
            XSSFFont normal = wb.getFontAt(0);
            normal.setFontName(FONT);
            normal.setFontHeightInPoints((short) 11);
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            XSSFFont titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            XSSFFont titleFont1 = wb.createFont();
            titleFont1.setBold(true);
            titleFont1.setFontHeightInPoints((short) 13);
            XSSFFont headingFont = wb.createFont();
            headingFont.setBold(true);
            headingFont.setFontHeightInPoints((short) 12);
            XSSFFont draftFont = wb.createFont();
            draftFont.setBold(true);
            draftFont.setFontHeightInPoints((short) 12);
            draftFont.setColor(new org.apache.poi.xssf.usermodel.XSSFColor(new byte[] {(byte) 0xA0, 0x00, 0x00}, null));
            XSSFFont linkFont = wb.createFont();
            linkFont.setUnderline(XSSFFont.U_SINGLE);
            linkFont.setColor(new org.apache.poi.xssf.usermodel.XSSFColor(new byte[] {0x05, 0x63, (byte) 0xC1}, null));

            plain = wb.createCellStyle();
            title = wb.createCellStyle();
            title.setFont(titleFont);
            title.setWrapText(true);
            title.setVerticalAlignment(VerticalAlignment.TOP);
            named.apply(title, "Title", NamedStyles.TITLE);
            heading1 = wb.createCellStyle();
            heading1.setFont(titleFont1);
            named.apply(heading1, "Heading 1", NamedStyles.HEADING_1);
            heading2 = wb.createCellStyle();
            heading2.setFont(headingFont);
            named.apply(heading2, "Heading 2", NamedStyles.HEADING_2);
            heading2Wrapped = wb.createCellStyle();
            heading2Wrapped.cloneStyleFrom(heading2);
            heading2Wrapped.setWrapText(true);
            heading2Wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            heading2Wrapped.getCoreXf().setXfId(heading2.getCoreXf().getXfId());
            draft = wb.createCellStyle();
            draft.setFont(draftFont);
            wrapped = wb.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            topAligned = wb.createCellStyle();
            topAligned.setVerticalAlignment(VerticalAlignment.TOP);
            header = wb.createCellStyle();
            header.setFont(bold);
            headerRight = wb.createCellStyle();
            headerRight.setFont(bold);
            headerRight.setAlignment(HorizontalAlignment.RIGHT);
            headerIndented = wb.createCellStyle();
            headerIndented.setFont(bold);
            headerIndented.setAlignment(HorizontalAlignment.LEFT);
            headerIndented.setIndention((short) 1);
            count = wb.createCellStyle();
            count.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            status = wb.createCellStyle();
            status.setAlignment(HorizontalAlignment.LEFT);
            status.setIndention((short) 1);
            marker = wb.createCellStyle();
            marker.setAlignment(HorizontalAlignment.RIGHT);
            link = wb.createCellStyle();
            link.setFont(linkFont);
            for (XSSFFont font : List.of(bold, titleFont, titleFont1, headingFont, draftFont, linkFont)) {
                font.setFontName(FONT);
            }
            named.write();
        }
    }
}
