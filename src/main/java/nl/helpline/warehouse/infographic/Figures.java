package nl.helpline.warehouse.infographic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.function.Function;

import nl.helpline.warehouse.report.workbook.Contact;
import nl.helpline.warehouse.report.workbook.PeriodNames;
import nl.helpline.warehouse.report.workbook.PublishedCell;

/**
 * The infographic's numbers, all computed from published cells: a whole percentage is a published
 * count over its table's published base, so it tells nothing the release does not; a withheld
 * count, or a percentage of a withheld base, is written as its sign.
 */
final class Figures {

    private final Release release;
    private final Contact contact;

    Figures(Release release, Contact contact) {
        this.release = release;
        this.contact = contact;
    }

    /** The whole percentage of {@code cell} in {@code table} ("65%"), or the sign when it cannot be shown. */
    String percent(Release.Table table, PublishedCell cell) {
        if (cell.suppressed()) {
            return release.shown(cell);
        }
        Integer p = wholePercent(table, cell);
        return p == null ? "[c]" : p + "%";
    }

    /** 100 × count / base rounded half-up, or null when the base is withheld or 0. */
    static Integer wholePercent(Release.Table table, PublishedCell cell) {
        PublishedCell base = table.base();
        if (cell.suppressed() || base.suppressed() || base.count() == 0) {
            return null;
        }
        return BigDecimal.valueOf(cell.count()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(base.count()), 0, RoundingMode.HALF_UP).intValueExact();
    }

    /** The count as digits, or the sign. */
    String count(PublishedCell cell) {
        return release.shown(cell);
    }

    /**
     * Fills the placeholders of an editorial text: {@code {period}}, {@code {in_period}},
     * {@code {threshold}}, {@code {phone}}, {@code {email}}, {@code {organisation}},
     * {@code {table.CATEGORY}} (percentage or sign) and {@code {table.CATEGORY:count}} (count or sign).
     */
    Function<String, Optional<String>> placeholders() {
        return key -> Optional.ofNullable(switch (key) {
            case "period" -> PeriodNames.name(release.periodStart(), release.periodEnd(), release.lang());
            case "in_period" -> PeriodNames.inPeriod(release.periodStart(), release.periodEnd(), release.lang());
            case "threshold" -> Integer.toString(release.threshold());
            // a phone number is not broken over two lines
            case "phone" -> contact.phone() == null ? null : contact.phone().replace(' ', '\u00A0');
            case "email" -> contact.email();
            case "organisation" -> contact.organisation();
            default -> cellPlaceholder(key);
        });
    }

    private String cellPlaceholder(String key) {
        boolean count = key.endsWith(":count");
        String ref = count ? key.substring(0, key.length() - ":count".length()) : key;
        int dot = ref.indexOf('.');
        if (dot < 0) {
            return null;
        }
        Release.Table table = release.table(ref.substring(0, dot)).orElse(null);
        PublishedCell cell = table == null ? null : table.row(ref.substring(dot + 1)).orElse(null);
        if (cell == null) {
            return null;
        }
        return count ? count(cell) : percent(table, cell);
    }
}
