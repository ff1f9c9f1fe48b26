package nl.helpline.warehouse.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A realistic report shaped like the 2024-H1 infographic (91 closed requests, chat excluded): nine
 * tables, 43 cells. Counts are invented but add up like the real ones (69% professionals, 65% phone,
 * 67% consultation). Phenomena and help questions are multi-valued: no relation. Additional support
 * is taken as single-valued, so it sums to follow-up ADDITIONAL.
 */
final class InfographicReport {

    private InfographicReport() {
    }

    /** Cell id to count, in table order, for one half-year. */
    static Map<String, Long> counts(long[] v) {
        String[] ids = {"total",
                "requester.PROFESSIONAL", "requester.CITIZEN",
                "work_domain.SECURITY", "work_domain.EDUCATION", "work_domain.CARE", "work_domain.SOCIAL",
                "work_domain.MUNICIPALITY", "work_domain.YOUTH", "work_domain.OTHER", "work_domain.UNKNOWN",
                "first_contact.PHONE", "first_contact.EMAIL", "first_contact.OTHER",
                "follow_up.CONSULTATION", "follow_up.ADDITIONAL",
                "additional_support.FORSA", "additional_support.FAMILY", "additional_support.LIV",
                "additional_support.MENTAL_HEALTH",
                "phenomenon.JIHADISM", "phenomenon.RIGHT_WING", "phenomenon.LEFT_WING", "phenomenon.ANTI_INSTITUTIONAL",
                "phenomenon.CONSPIRACY", "phenomenon.MIXED", "phenomenon.OTHER", "phenomenon.UNKNOWN",
                "help_question.IS_CONCERNING", "help_question.STAY_IN_CONTACT", "help_question.HELP_OR_REFER",
                "help_question.INFORMATION", "help_question.OTHER",
                "requester_follow_up.PROFESSIONAL.CONSULTATION", "requester_follow_up.PROFESSIONAL.ADDITIONAL",
                "requester_follow_up.CITIZEN.CONSULTATION", "requester_follow_up.CITIZEN.ADDITIONAL",
                "requester_channel.PROFESSIONAL.PHONE", "requester_channel.PROFESSIONAL.EMAIL",
                "requester_channel.PROFESSIONAL.OTHER", "requester_channel.CITIZEN.PHONE",
                "requester_channel.CITIZEN.EMAIL", "requester_channel.CITIZEN.OTHER"};
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            m.put(ids[i], v[i]);
        }
        return m;
    }

    /** 2024-H1 as in the infographic's proportions. */
    static final long[] H1 = {91,
            63, 28,
            14, 17, 9, 6, 11, 3, 2, 1,
            59, 27, 5,
            61, 30,
            12, 9, 4, 5,
            22, 25, 2, 14, 18, 12, 3, 6,
            40, 31, 28, 9, 4,
            40, 23, 21, 7,
            39, 20, 4, 20, 7, 1};

    /** An invented second half-year. */
    static final long[] H2 = {104,
            70, 34,
            18, 15, 12, 9, 8, 4, 3, 1,
            66, 31, 7,
            72, 32,
            15, 8, 6, 3,
            25, 30, 4, 12, 21, 15, 2, 9,
            47, 36, 30, 11, 6,
            48, 22, 24, 10,
            45, 20, 5, 21, 11, 2};

    static List<Relation> relations(String prefix) {
        String p = prefix;
        List<Relation> r = new ArrayList<>();
        r.add(Relation.of(p + "total", p + "requester.PROFESSIONAL", p + "requester.CITIZEN"));
        r.add(Relation.of(p + "total", p + "first_contact.PHONE", p + "first_contact.EMAIL", p + "first_contact.OTHER"));
        r.add(Relation.of(p + "total", p + "follow_up.CONSULTATION", p + "follow_up.ADDITIONAL"));
        r.add(Relation.of(p + "requester.PROFESSIONAL", p + "work_domain.SECURITY", p + "work_domain.EDUCATION",
                p + "work_domain.CARE", p + "work_domain.SOCIAL", p + "work_domain.MUNICIPALITY", p + "work_domain.YOUTH",
                p + "work_domain.OTHER", p + "work_domain.UNKNOWN"));
        r.add(Relation.of(p + "follow_up.ADDITIONAL", p + "additional_support.FORSA", p + "additional_support.FAMILY",
                p + "additional_support.LIV", p + "additional_support.MENTAL_HEALTH"));
        for (String who : List.of("PROFESSIONAL", "CITIZEN")) {
            r.add(Relation.of(p + "requester." + who, p + "requester_follow_up." + who + ".CONSULTATION",
                    p + "requester_follow_up." + who + ".ADDITIONAL"));
            r.add(Relation.of(p + "requester." + who, p + "requester_channel." + who + ".PHONE",
                    p + "requester_channel." + who + ".EMAIL", p + "requester_channel." + who + ".OTHER"));
        }
        for (String f : List.of("CONSULTATION", "ADDITIONAL")) {
            r.add(Relation.of(p + "follow_up." + f, p + "requester_follow_up.PROFESSIONAL." + f,
                    p + "requester_follow_up.CITIZEN." + f));
        }
        for (String ch : List.of("PHONE", "EMAIL", "OTHER")) {
            r.add(Relation.of(p + "first_contact." + ch, p + "requester_channel.PROFESSIONAL." + ch,
                    p + "requester_channel.CITIZEN." + ch));
        }
        return r;
    }

    /** The H1 report on its own. */
    static DisclosureProblem h1() {
        List<Cell> cells = new ArrayList<>();
        counts(H1).forEach((id, v) -> cells.add(Cell.of(id, v)));
        return DisclosureProblem.of(cells, relations(""), 5, false);
    }

    /**
     * The 2024 year report after H1 was published with {@code h1Pattern}; H2 is never published on
     * its own. 43 current cells, 43 earlier cells, 43 never-published counts, 86 relations.
     */
    static DisclosureProblem yearAfter(SuppressionPattern h1Pattern) {
        Map<String, Long> h1 = counts(H1);
        Map<String, Long> h2 = counts(H2);
        List<Cell> cells = new ArrayList<>();
        List<PriorCell> prior = new ArrayList<>();
        List<HiddenCell> hidden = new ArrayList<>();
        List<Relation> links = new ArrayList<>();
        for (String id : h1.keySet()) {
            cells.add(Cell.of(id, h1.get(id) + h2.get(id)));
            prior.add(new PriorCell("2024-H1/" + id, h1.get(id), h1Pattern.status(id)));
            hidden.add(new HiddenCell("2024-H2/" + id, h2.get(id)));
            links.add(Relation.of(id, "2024-H1/" + id, "2024-H2/" + id));
        }
        links.addAll(relations("2024-H1/"));
        links.addAll(relations("2024-H2/"));
        return DisclosureProblem.of(cells, relations(""), 5, false).withEarlier(prior, hidden, links);
    }
}
