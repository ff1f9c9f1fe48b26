package nl.helpline.warehouse.report.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTXf;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Excel's built-in named cell styles (Title, Heading 1, Heading 2) for the workbook's titles and
 * headings, so that screen readers and Excel's own navigation recognise them as headings, as the
 * Analysis Function's guidance asks. POI has no API for named styles (and its lite schema jar lacks
 * the {@code cellStyles} element's classes): this adds a style record to {@code cellStyleXfs},
 * points the cell style at it, and writes the {@code cellStyles} element through the DOM.
 */
final class NamedStyles {

    /** Built-in ids of ECMA-376 Part 1, 18.8.7. */
    static final int NORMAL = 0;
    static final int TITLE = 15;
    static final int HEADING_1 = 16;
    static final int HEADING_2 = 17;

    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /** Elements that follow {@code cellStyles} in a style sheet (CT_Stylesheet's sequence). */
    private static final Set<String> AFTER = Set.of("dxfs", "tableStyles", "colors", "extLst");

    private record Named(String name, int xfId, int builtinId) {
    }

    private final XSSFWorkbook wb;
    private final List<Named> named = new ArrayList<>(List.of(new Named("Normal", 0, NORMAL)));

    NamedStyles(XSSFWorkbook wb) {
        this.wb = wb;
    }

    /** Makes {@code style} an instance of the built-in named style {@code builtinId} called {@code name}. */
    void apply(XSSFCellStyle style, String name, int builtinId) {
        StylesTable table = wb.getStylesSource();
        CTXf styleXf = CTXf.Factory.newInstance();
        styleXf.setNumFmtId(0);
        styleXf.setFontId(style.getCoreXf().getFontId());
        styleXf.setFillId(0);
        styleXf.setBorderId(0);
        int xfId = table._getStyleXfsSize();
        table.putCellStyleXf(styleXf);
        style.getCoreXf().setXfId(xfId);
        named.add(new Named(name, xfId, builtinId));
    }

    /** Writes the {@code cellStyles} element; call once, after the last {@link #apply}. */
    void write() {
        Node sheet = wb.getStylesSource().getCTStylesheet().getDomNode();
        Element cellStyles = sheet.getOwnerDocument().createElementNS(NS, "cellStyles");
        cellStyles.setAttribute("count", Integer.toString(named.size()));
        for (Named n : named) {
            Element style = sheet.getOwnerDocument().createElementNS(NS, "cellStyle");
            style.setAttribute("name", n.name());
            style.setAttribute("xfId", Integer.toString(n.xfId()));
            style.setAttribute("builtinId", Integer.toString(n.builtinId()));
            cellStyles.appendChild(style);
        }
        Node before = null;
        for (Node child = sheet.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (AFTER.contains(child.getLocalName())) {
                before = child;
                break;
            }
        }
        sheet.insertBefore(cellStyles, before);
    }
}
