package nl.helpline.warehouse.report.workbook;

import java.util.Objects;

/**
 * A native Excel chart of one table, drawn on the charts sheet.
 *
 * <p>A chart plots published values only: a withheld category keeps its place on the axis, labelled
 * with its sign (e.g. "Jeugd (&lt; 5)"), but has no value and so no bar. Because a pie always fills
 * the circle, a missing slice would make the others look bigger than they are; a {@link Type#PIE} is
 * therefore drawn as a bar chart when its table has a withheld row or is multi-valued.
 * {@link Type#AUTO} draws a pie for a single-valued table of at most three categories and a bar
 * chart otherwise (the infographic's choice).
 *
 * @param tableId id of the {@link PublishedTable} to plot
 * @param title   chart title, or null for the table's title
 * @param type    pie, bar or automatic
 * @param measure what to plot: counts or percentages; may be null with {@link Type#AUTO}
 */
public record ChartSpec(String tableId, String title, Type type, Measure measure) {

    public enum Type { PIE, BAR, AUTO }

    public enum Measure { COUNT, PERCENT }

    public ChartSpec {
        Objects.requireNonNull(tableId, "tableId");
        Objects.requireNonNull(type, "type");
        if (measure == null && type != Type.AUTO) {
            throw new IllegalArgumentException("measure is required unless the type is AUTO");
        }
        if (title != null && title.isBlank()) {
            throw new IllegalArgumentException("chart title must be null or not blank");
        }
    }

    /** A chart of the table with the type chosen automatically: percentages in a pie, counts in bars. */
    public static ChartSpec auto(String tableId) {
        return new ChartSpec(tableId, null, Type.AUTO, null);
    }

    /** The type actually drawn for this table: {@link Type#PIE} or {@link Type#BAR} (see the class comment). */
    public Type effectiveType(PublishedTable table) {
        boolean pieable = !table.multiValued() && !table.hasSuppressedRows();
        return switch (type) {
            case PIE -> pieable ? Type.PIE : Type.BAR;
            case BAR -> Type.BAR;
            case AUTO -> pieable && table.rows().size() <= 3 ? Type.PIE : Type.BAR;
        };
    }

    /** What is plotted: the given measure, or for {@link Type#AUTO} percentages in a pie and counts in bars. */
    public Measure effectiveMeasure(PublishedTable table) {
        if (measure != null) {
            return measure;
        }
        return effectiveType(table) == Type.PIE ? Measure.PERCENT : Measure.COUNT;
    }
}
