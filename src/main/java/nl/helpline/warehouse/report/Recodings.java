package nl.helpline.warehouse.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a definition's recodings to a period's counts: the combined categories of a recoded
 * table give way to one group row, which counts the requests that have any of them (for a
 * multi-valued table that is not the sum of their counts, so it is counted from the members).
 * The group row stands where the first combined category stood, labelled with the group's
 * label and the labels it combines, so a reader of the workbook sees what was combined.
 */
final class Recodings {

    private Recodings() {
    }

    static Map<String, PeriodCounts.TableCounts> apply(ReportDefinition definition, Map<String, PeriodCounts.TableCounts> counts,
                                                      Members members) {
        if (definition.recodedTables().isEmpty()) {
            return counts;
        }
        Map<String, PeriodCounts.TableCounts> result = new LinkedHashMap<>();
        for (Map.Entry<String, PeriodCounts.TableCounts> e : counts.entrySet()) {
            PeriodCounts.TableCounts table = e.getValue();
            ReportDefinition.TableDefinition def = definition.table(e.getKey());
            ReportDefinition.Recoding recoding = def.recoding();
            if (recoding == null) {
                result.put(e.getKey(), new PeriodCounts.TableCounts(def, table.counts(), table.base()));
                continue;
            }
            Members.CellKey group = Members.CellKey.of(def, recoding.group());
            long count = members.count(List.of(group)).get(group);
            List<PeriodCounts.Count> rows = new ArrayList<>();
            List<String> nl = new ArrayList<>();
            List<String> en = new ArrayList<>();
            PeriodCounts.Count own = null;
            int at = -1;
            for (PeriodCounts.Count c : table.counts()) {
                if (recoding.combines().contains(c.category())) {
                    if (at < 0) {
                        at = rows.size();
                    }
                    if (c.category().equals(recoding.group())) {
                        own = c;
                    } else {
                        nl.add(c.labelNl().toLowerCase(java.util.Locale.ROOT));
                        en.add(c.labelEn().toLowerCase(java.util.Locale.ROOT));
                    }
                } else {
                    rows.add(c);
                }
            }
            String labelNl = (own == null ? recoding.group() : own.labelNl()) + (nl.isEmpty() ? "" : " (met " + String.join(", ", nl) + ")");
            String labelEn = (own == null ? recoding.group() : own.labelEn()) + (en.isEmpty() ? "" : " (with " + String.join(", ", en) + ")");
            rows.add(at < 0 ? rows.size() : at, new PeriodCounts.Count(recoding.group(), labelNl, labelEn, count));
            result.put(e.getKey(), new PeriodCounts.TableCounts(def, List.copyOf(rows), table.base()));
        }
        return result;
    }
}
