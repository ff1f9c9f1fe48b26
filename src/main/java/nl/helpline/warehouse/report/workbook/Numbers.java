package nl.helpline.warehouse.report.workbook;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one place where percentages are rounded for output, so the workbook and the CSV agree. */
final class Numbers {

    /** Decimals of a percentage in every output (65.0 in the CSV, 65.0% in the workbook). */
    static final int PERCENT_DECIMALS = 1;

    private Numbers() {
    }

    /** The percentage (0&ndash;100 scale) rounded half-up to {@link #PERCENT_DECIMALS} decimals. */
    static BigDecimal percent(double percent) {
        return BigDecimal.valueOf(percent).setScale(PERCENT_DECIMALS, RoundingMode.HALF_UP);
    }

    /** The rounded percentage as an Excel fraction (65.0 becomes 0.65), for a cell formatted {@code 0.0%}. */
    static double fraction(double percent) {
        return percent(percent).movePointLeft(2).doubleValue();
    }
}
