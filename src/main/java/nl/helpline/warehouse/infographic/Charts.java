package nl.helpline.warehouse.infographic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


import nl.helpline.warehouse.report.workbook.PublishedCell;

/**
 * The infographic's charts, in the workbook's house style (the Analysis Function's accessible
 * palette, values on the chart, a withheld category shown with its sign and no bar).
 *
 * <p>Why HTML bars and an SVG donut without text: openhtmltopdf draws SVG through Batik onto PDFBox
 * as vector outlines, so text inside an SVG would be invisible to a PDF's text layer, to search,
 * copying and screen readers. Every label and value is therefore HTML text; SVG draws only the
 * donut's geometry, and a bar is an HTML block whose width is its share of the largest value.
 */
final class Charts {

    /** Analysis Function categorical palette: dark blue, turquoise, dark pink, orange, dark grey, light purple. */
    static final List<String> PALETTE = List.of("#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1");

    private Charts() {
    }

    /** One bar: its label, the value written on it, its width in percent of the track (null: withheld, no bar). */
    record Bar(String label, String value, String width, boolean withheld, boolean revised) {
    }

    /** One donut slice in the legend. */
    record Slice(String label, String value, String color, boolean revised) {
    }

    /**
     * A chart: a donut ({@code svg} and {@code slices}) or bars ({@code bars}).
     *
     * @param message what the chart says, in one sentence: its accessible name
     */
    record Chart(String kind, String title, String message, String svg, List<Slice> slices, List<Bar> bars) {
        public boolean donut() {
            return kind.equals("donut");
        }
    }

    /**
     * A donut when every category is published and they add up to the table's base (a missing or
     * overlapping slice would distort the others), with at most three slices; bars otherwise.
     */
    static Chart of(Release release, Release.Table table, String title, Figures figures) {
        boolean addsUp = !table.hasWithheld() && !table.base().suppressed()
                && table.rows().stream().mapToLong(PublishedCell::count).sum() == table.base().count();
        return addsUp && table.rows().size() <= 3 && table.base().count() > 0
                ? donut(release, table, title, figures) : bars(release, table, title, figures);
    }

    static Chart bars(Release release, Release.Table table, String title, Figures figures) {
        long max = table.rows().stream().filter(c -> !c.suppressed()).mapToLong(PublishedCell::count).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (PublishedCell cell : table.rows()) {
            boolean revised = release.revised(table.id(), cell.category());
            if (cell.suppressed()) {
                bars.add(new Bar(cell.label(), release.shown(cell), null, true, revised));
                continue;
            }
            Integer p = Figures.wholePercent(table, cell);
            String value = figures.count(cell) + (p == null ? "" : " (" + p + "%)");
            // At most 60% of the track: the value is written after the bar and must fit beside it, in a half-width column too.
            String width = max == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 60.0 * cell.count() / max);
            bars.add(new Bar(cell.label(), value, width, false, revised));
        }
        return new Chart("bars", title, message(release, table, title), null, List.of(), bars);
    }

    static Chart donut(Release release, Release.Table table, String title, Figures figures) {
        List<Slice> slices = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            PublishedCell cell = table.rows().get(i);
            slices.add(new Slice(cell.label(), figures.percent(table, cell), PALETTE.get(i % PALETTE.size()),
                    release.revised(table.id(), cell.category())));
            counts.add(cell.count());
        }
        String message = message(release, table, title);
        return new Chart("donut", title, message, donutSvg(counts, message), slices, List.of());
    }

    /** "Type aanvrager: Professional 65%, Niet-professional (burger) 35%." with withheld categories by their sign. */
    static String message(Release release, Release.Table table, String title) {
        List<String> parts = new ArrayList<>();
        for (PublishedCell cell : table.rows()) {
            Integer p = Figures.wholePercent(table, cell);
            parts.add(cell.label() + " " + (cell.suppressed() ? release.shown(cell) : p == null ? release.shown(cell) : p + "%"));
        }
        return title + ": " + String.join(", ", parts) + ".";
    }

    /**
     * The donut's geometry as SVG: one annular sector per value, clockwise from twelve o'clock, in the
     * palette's colours. No text (see the class comment); numbers are written with a point and three
     * decimals whatever the default locale, so the same values always give the same bytes.
     */
    static String donutSvg(List<Long> values, String message) {
        long total = values.stream().mapToLong(Long::longValue).sum();
        double cx = 60;
        double cy = 60;
        double outer = 58;
        double inner = 34;
        // alt: openhtmltopdf tags the drawing with it in the PDF's structure (PDF/UA); aria-label does so in the page.
        String label = xml(message);
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 120\" width=\"120\""
                + " height=\"120\" role=\"img\" aria-label=\"" + label + "\" alt=\"" + label + "\">");
        double start = 0;
        for (int i = 0; i < values.size(); i++) {
            long v = values.get(i);
            if (v == 0 || total == 0) {
                continue;
            }
            double sweep = 360.0 * v / total;
            String color = PALETTE.get(i % PALETTE.size());
            if (sweep >= 359.999) {
                // A full ring: two half rings, since one arc cannot start and end at the same point.
                svg.append(sector(cx, cy, outer, inner, 0, 180, color)).append(sector(cx, cy, outer, inner, 180, 360, color));
            } else {
                svg.append(sector(cx, cy, outer, inner, start, start + sweep, color));
            }
            start += sweep;
        }
        return svg.append("</svg>").toString();
    }

    private static String sector(double cx, double cy, double outer, double inner, double from, double to, String color) {
        boolean large = to - from > 180;
        double[] o1 = point(cx, cy, outer, from);
        double[] o2 = point(cx, cy, outer, to);
        double[] i2 = point(cx, cy, inner, to);
        double[] i1 = point(cx, cy, inner, from);
        return "<path d=\"M" + n(o1[0]) + " " + n(o1[1])
                + " A" + n(outer) + " " + n(outer) + " 0 " + (large ? 1 : 0) + " 1 " + n(o2[0]) + " " + n(o2[1])
                + " L" + n(i2[0]) + " " + n(i2[1])
                + " A" + n(inner) + " " + n(inner) + " 0 " + (large ? 1 : 0) + " 0 " + n(i1[0]) + " " + n(i1[1])
                + " Z\" fill=\"" + color + "\" stroke=\"#FFFFFF\" stroke-width=\"1\"/>";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static double[] point(double cx, double cy, double r, double degrees) {
        double rad = Math.toRadians(degrees - 90);
        return new double[] {cx + r * Math.cos(rad), cy + r * Math.sin(rad)};
    }

    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.equals("-0.000") ? "0.000" : s;
    }
}
