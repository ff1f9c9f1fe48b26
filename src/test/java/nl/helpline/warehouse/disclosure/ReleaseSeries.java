package nl.helpline.warehouse.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A realistic 60-cell report with three multi-valued tables (phenomena and help questions over the
 * total, additional support over follow-up ADDITIONAL), built from simulated requests so that every
 * relation and bound holds; and a series of cumulative releases of it (periods 1..k for k = 1..6,
 * each published after the one before), where the increments between releases are never published:
 * {@code R(k).x = R(k-1).x + I(k).x}. For benchmarks and tests.
 */
final class ReleaseSeries {

    static final String[] WORK_DOMAINS = {"SECURITY", "EDUCATION", "CARE", "SOCIAL", "MUNICIPALITY", "YOUTH", "OTHER",
            "UNKNOWN"};
    static final String[] CHANNELS = {"PHONE", "EMAIL", "OTHER"};
    static final String[] SUPPORT = {"FORSA", "FAMILY", "LIV", "MENTAL_HEALTH"};
    static final String[] PHENOMENA = {"JIHADISM", "RIGHT_WING", "LEFT_WING", "ANTI_INSTITUTIONAL", "CONSPIRACY", "MIXED",
            "OTHER", "UNKNOWN"};
    static final String[] HELP = {"IS_CONCERNING", "STAY_IN_CONTACT", "HELP_OR_REFER", "INFORMATION", "OTHER"};
    static final String[] REGIONS = {"GR", "FR", "DR", "OV", "GE", "UT", "FL", "NH", "ZH", "ZE", "NB", "LI"};
    static final String[] AGES = {"UNDER_18", "18_25", "26_40", "41_65", "OVER_65"};
    static final String[] WHO = {"PROFESSIONAL", "CITIZEN"};
    static final String[] FOLLOW = {"CONSULTATION", "ADDITIONAL"};

    private ReleaseSeries() {
    }

    /** The 60 cell ids in table order. */
    static List<String> ids() {
        List<String> ids = new ArrayList<>();
        ids.add("total");
        for (String w : WHO) {
            ids.add("requester." + w);
        }
        for (String d : WORK_DOMAINS) {
            ids.add("work_domain." + d);
        }
        for (String c : CHANNELS) {
            ids.add("first_contact." + c);
        }
        for (String f : FOLLOW) {
            ids.add("follow_up." + f);
        }
        for (String s : SUPPORT) {
            ids.add("additional_support." + s);
        }
        for (String p : PHENOMENA) {
            ids.add("phenomenon." + p);
        }
        for (String h : HELP) {
            ids.add("help_question." + h);
        }
        for (String w : WHO) {
            for (String f : FOLLOW) {
                ids.add("requester_follow_up." + w + "." + f);
            }
        }
        for (String w : WHO) {
            for (String c : CHANNELS) {
                ids.add("requester_channel." + w + "." + c);
            }
        }
        for (String r : REGIONS) {
            ids.add("region." + r);
        }
        for (String a : AGES) {
            ids.add("age." + a);
        }
        return ids;
    }

    /** Counts of {@code n} simulated requests, shaped like the 2024-H1 infographic. */
    static Map<String, Long> simulate(Random rnd, int n) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String id : ids()) {
            m.put(id, 0L);
        }
        for (int i = 0; i < n; i++) {
            inc(m, "total");
            String who = rnd.nextDouble() < 0.69 ? "PROFESSIONAL" : "CITIZEN";
            inc(m, "requester." + who);
            if (who.equals("PROFESSIONAL")) {
                inc(m, "work_domain." + pick(rnd, WORK_DOMAINS, 14, 17, 9, 6, 11, 3, 2, 1));
            } else {
                inc(m, "age." + pick(rnd, AGES, 2, 9, 11, 5, 1));
            }
            // OTHER at 10%, not the infographic's 5%: at 5% a report of 45..90 requests often has
            // first_contact.OTHER < 5 split into two small requester cells, which no pattern can
            // protect (the margin alone narrows both), and a refused report times nothing
            String channel = pick(rnd, CHANNELS, 60, 30, 10);
            inc(m, "first_contact." + channel);
            inc(m, "requester_channel." + who + "." + channel);
            String follow = rnd.nextDouble() < 0.33 ? "ADDITIONAL" : "CONSULTATION";
            inc(m, "follow_up." + follow);
            inc(m, "requester_follow_up." + who + "." + follow);
            if (follow.equals("ADDITIONAL")) {
                several(rnd, m, "additional_support.", SUPPORT, 0.08, 12, 9, 4, 5);
            }
            several(rnd, m, "phenomenon.", PHENOMENA, 0.06, 22, 25, 2, 14, 18, 12, 3, 6);
            several(rnd, m, "help_question.", HELP, 0.1, 40, 31, 28, 9, 4);
            inc(m, "region." + pick(rnd, REGIONS, 14, 9, 3, 11, 16, 7, 2, 5, 8, 6, 4, 6));
        }
        return m;
    }

    /** The additive relations (as in the infographic, plus regions and citizens' ages). */
    static List<Relation> relations(String prefix) {
        String p = prefix;
        List<Relation> r = new ArrayList<>();
        r.add(Relation.of(p + "total", prefixed(p + "requester.", WHO)));
        r.add(Relation.of(p + "total", prefixed(p + "first_contact.", CHANNELS)));
        r.add(Relation.of(p + "total", prefixed(p + "follow_up.", FOLLOW)));
        r.add(Relation.of(p + "total", prefixed(p + "region.", REGIONS)));
        r.add(Relation.of(p + "requester.PROFESSIONAL", prefixed(p + "work_domain.", WORK_DOMAINS)));
        r.add(Relation.of(p + "requester.CITIZEN", prefixed(p + "age.", AGES)));
        for (String who : WHO) {
            r.add(Relation.of(p + "requester." + who, prefixed(p + "requester_follow_up." + who + ".", FOLLOW)));
            r.add(Relation.of(p + "requester." + who, prefixed(p + "requester_channel." + who + ".", CHANNELS)));
        }
        for (String f : FOLLOW) {
            r.add(Relation.of(p + "follow_up." + f, p + "requester_follow_up.PROFESSIONAL." + f,
                    p + "requester_follow_up.CITIZEN." + f));
        }
        for (String ch : CHANNELS) {
            r.add(Relation.of(p + "first_contact." + ch, p + "requester_channel.PROFESSIONAL." + ch,
                    p + "requester_channel.CITIZEN." + ch));
        }
        return r;
    }

    /**
     * The bounds of the three multi-valued tables; the sum is at least base + 1 where the counts
     * add up to more than the base (the report's notes say so).
     */
    static List<Bound> bounds(String prefix, Map<String, Long> counts) {
        List<Bound> b = new ArrayList<>();
        b.addAll(multi(prefix, counts, "total", "phenomenon.", PHENOMENA));
        b.addAll(multi(prefix, counts, "total", "help_question.", HELP));
        b.addAll(multi(prefix, counts, "follow_up.ADDITIONAL", "additional_support.", SUPPORT));
        return b;
    }

    /** One report on its own, with or without the bounds of its multi-valued tables. */
    static DisclosureProblem report(Map<String, Long> counts, boolean withBounds) {
        List<Cell> cells = new ArrayList<>();
        counts.forEach((id, v) -> cells.add(Cell.of(id, v)));
        DisclosureProblem p = DisclosureProblem.of(cells, relations(""), 5, false);
        return withBounds ? p.withBounds(bounds("", counts)) : p;
    }

    /** Counts of {@code periods} periods of about {@code perPeriod} requests each. */
    static List<Map<String, Long>> periods(long seed, int periods, int perPeriod) {
        Random rnd = new Random(seed);
        List<Map<String, Long>> out = new ArrayList<>();
        for (int k = 0; k < periods; k++) {
            out.add(simulate(rnd, perPeriod - perPeriod / 5 + rnd.nextInt(perPeriod / 2 + 1)));
        }
        return out;
    }

    /** The cumulative counts of periods 1..k. */
    static Map<String, Long> cumulative(List<Map<String, Long>> periods, int k) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int j = 0; j < k; j++) {
            periods.get(j).forEach((id, v) -> m.merge(id, v, Long::sum));
        }
        return m;
    }

    /**
     * Release k (1-based: periods 1..k) after releases 1..k-1 were published with {@code earlier}
     * patterns; the increments 2..k are never published.
     */
    static DisclosureProblem release(List<Map<String, Long>> periods, int k, List<SuppressionPattern> earlier,
                                     boolean withBounds) {
        DisclosureProblem current = report(cumulative(periods, k), withBounds);
        if (k == 1) {
            return current;
        }
        List<PriorCell> prior = new ArrayList<>();
        List<HiddenCell> hidden = new ArrayList<>();
        List<Relation> links = new ArrayList<>();
        List<Bound> bounds = new ArrayList<>();
        for (int j = 1; j < k; j++) {
            String r = "R" + j + "/";
            Map<String, Long> counts = cumulative(periods, j);
            SuppressionPattern pattern = earlier.get(j - 1);
            counts.forEach((id, v) -> prior.add(new PriorCell(r + id, v, pattern.status(id))));
            links.addAll(relations(r));
            bounds.addAll(bounds(r, counts));
        }
        for (int j = 2; j <= k; j++) {
            String inc = "I" + j + "/";
            String before = "R" + (j - 1) + "/";
            String after = j == k ? "" : "R" + j + "/";
            Map<String, Long> counts = periods.get(j - 1);
            counts.forEach((id, v) -> hidden.add(new HiddenCell(inc + id, v)));
            for (String id : counts.keySet()) {
                links.add(Relation.of(after + id, before + id, inc + id));
            }
            links.addAll(relations(inc));
            bounds.addAll(bounds(inc, counts));
        }
        DisclosureProblem p = current.withEarlier(prior, hidden, links);
        return withBounds ? p.withBounds(bounds) : p;
    }

    private static List<Bound> multi(String prefix, Map<String, Long> counts, String base, String table, String[] cats) {
        long sum = 0;
        for (String c : cats) {
            sum += counts.get(table + c);
        }
        return Bound.multiValued(prefix + base, List.of(prefixed(prefix + table, cats)), sum > counts.get(base) ? 1 : 0);
    }

    private static String[] prefixed(String prefix, String[] names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = prefix + names[i];
        }
        return out;
    }

    private static void inc(Map<String, Long> m, String id) {
        m.merge(id, 1L, Long::sum);
    }

    private static String pick(Random rnd, String[] names, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = rnd.nextInt(total);
        for (int i = 0; i < names.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return names[i];
            }
        }
        return names[names.length - 1];
    }

    /** One category by weight, and each other one with probability {@code also}. */
    private static void several(Random rnd, Map<String, Long> m, String table, String[] names, double also,
                                int... weights) {
        String first = pick(rnd, names, weights);
        for (String n : names) {
            if (n.equals(first) || rnd.nextDouble() < also) {
                inc(m, table + n);
            }
        }
    }
}
