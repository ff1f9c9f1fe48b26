package nl.helpline.warehouse.report.workbook;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.helpline.warehouse.report.PublicationState;

/**
 * Report models for the tests. They are built the way the disclosure engine builds them: from true
 * counts, of which the suppressed ones are dropped before the model is made. The true counts of the
 * suppressed cells are kept aside ({@link Sample#hidden()}) so that tests can prove they appear
 * nowhere in the output.
 */
public final class SampleReports {

    public static final int THRESHOLD = 5;

    private SampleReports() {
    }

    /** A true count that the report withholds, and the base its percentage would be on. */
    public record Hidden(String tableId, String category, long count, long base) {
        public double percent() {
            return 100.0 * count / base;
        }
    }

    public record Sample(ReportDocument doc, List<Hidden> hidden) {
    }

    /** One category's truth: code, labels, true count and what the disclosure engine decided. */
    private record Truth(String code, String nl, String en, long count, CellStatus status) {
    }

    private static Truth pub(String code, String nl, String en, long count) {
        return new Truth(code, nl, en, count, CellStatus.PUBLISHED);
    }

    private static Truth primary(String code, String nl, String en, long count) {
        if (count >= THRESHOLD) {
            throw new IllegalArgumentException("primary suppression is for counts below the threshold");
        }
        return new Truth(code, nl, en, count, CellStatus.PRIMARY);
    }

    private static Truth secondary(String code, String nl, String en, long count) {
        return new Truth(code, nl, en, count, CellStatus.SECONDARY);
    }

    private static final class Builder {
        final Language lang;
        final boolean leaky;
        final List<PublishedTable> tables = new ArrayList<>();
        final List<Hidden> hidden = new ArrayList<>();
        final Map<String, Truth[]> truths = new LinkedHashMap<>();

        Builder(Language lang, boolean leaky) {
            this.lang = lang;
            this.leaky = leaky;
        }

        String l(String nl, String en) {
            return lang == Language.NL ? nl : en;
        }

        void table(String id, String nl, String en, String baseNl, String baseEn, String baseCell, long base, List<Integer> notes,
                   boolean multiValued, Truth... rows) {
            List<PublishedCell> cells = new ArrayList<>();
            for (Truth t : rows) {
                String label = l(t.nl(), t.en());
                if (t.status().suppressed() && leaky) {
                    // A deliberately broken engine that publishes what it should withhold: the negative control.
                    hidden.add(new Hidden(id, t.code(), t.count(), base));
                    cells.add(PublishedCell.published(t.code(), label, t.count(), 100.0 * t.count() / base));
                } else if (t.status().suppressed()) {
                    // The engine drops the value here; the writer never sees it.
                    hidden.add(new Hidden(id, t.code(), t.count(), base));
                    cells.add(new PublishedCell(t.code(), label, null, null, t.status()));
                } else {
                    cells.add(PublishedCell.published(t.code(), label, t.count(), 100.0 * t.count() / base));
                }
            }
            tables.add(new PublishedTable(id, l(nl, en), l(baseNl, baseEn), baseCell, notes, multiValued, cells));
        }
    }

    /** The 2024-H1 infographic (91 closed requests, chat excluded) with plausible detail tables, as a draft. */
    public static Sample infographic2024H1(Language lang) {
        return infographic2024H1(lang, PublicationState.draft(false, null));
    }

    /** The same in the given publication state. */
    public static Sample infographic2024H1(Language lang, PublicationState publication) {
        Builder b = new Builder(lang, false);
        // The total table's one row has no percentage.
        b.tables.add(new PublishedTable("total", b.l("Totaal aantal afgesloten verzoeken", "Total number of closed requests"),
                b.l("Alle afgesloten verzoeken die in de periode binnenkwamen, zonder chat.",
                        "All closed requests received in the period, chat excluded."), "total.TOTAL",
                List.of(1), false, List.of(PublishedCell.published("TOTAL", b.l("Totaal", "Total"), 91, null))));
        b.table("requester", "Type aanvrager", "Type of requester",
                "Afgesloten verzoeken.", "Closed requests.", "total.TOTAL", 91, List.of(1), false,
                pub("PROFESSIONAL", "Professional", "Professional", 63),
                pub("CITIZEN", "Niet-professional (burger)", "Not professional (citizen)", 28));
        b.table("first_contact", "Medium van eerste contact", "Medium of first contact",
                "Afgesloten verzoeken.", "Closed requests.", "total.TOTAL", 91, List.of(1, 2), false,
                pub("PHONE", "Telefoon", "Phone", 59),
                pub("EMAIL", "E-mail", "Email", 27),
                pub("OTHER", "Anders (persoonlijk, overig of onbekend)", "Other (in person, other or unknown)", 5));
        b.table("work_domain", "Werkterreinen van professionals", "Work domains of professionals",
                "Afgesloten verzoeken van professionals.", "Closed requests from professionals.",
                "requester.PROFESSIONAL", 63, List.of(1), false,
                pub("SECURITY", "Veiligheidsdomein", "Security (police, enforcement)", 18),
                pub("EDUCATION", "Onderwijs", "Education", 15),
                pub("CARE", "Zorg", "Care (GPs, psychologists)", 12),
                pub("SOCIAL", "Sociaal domein", "Social services", 8),
                secondary("MUNICIPALITY", "Gemeente", "Municipality", 7),
                primary("YOUTH", "Jeugd", "Youth services", 3));
        b.table("phenomenon", "Verschijningsvormen", "Phenomena",
                "Afgesloten verzoeken; een verzoek kan meer vormen raken.",
                "Closed requests; a request can touch several forms.", "total.TOTAL", 91, List.of(1, 3), true,
                pub("JIHADISM", "Jihadisme", "Jihadism", 21),
                pub("RIGHT_WING", "Rechts-extremisme", "Right-wing extremism", 26),
                primary("LEFT_WING", "Links-extremisme", "Left-wing extremism", 2),
                pub("ANTI_INSTITUTIONAL", "Anti-institutioneel extremisme", "Anti-institutional extremism", 9),
                pub("CONSPIRACY", "Complotdenken", "Conspiracy thinking", 14),
                pub("MIXED", "Mixed of onduidelijke ideologie", "Mixed or unclear ideology", 19),
                pub("OTHER", "Overig", "Other", 6),
                pub("UNKNOWN", "Onbekend", "Unknown", 8));
        b.table("help_question", "Hulpvragen", "Help questions",
                "Afgesloten verzoeken; een verzoek kan meer hulpvragen hebben.",
                "Closed requests; a request can ask several questions.", "total.TOTAL", 91, List.of(1), true,
                pub("IS_CONCERNING", "Is de situatie zorgelijk?", "Is the situation worrying?", 52),
                pub("STAY_IN_CONTACT", "Hoe blijf ik in gesprek of contact?", "How do I stay in touch?", 31),
                pub("HELP_OR_REFER", "Kunnen jullie mij helpen of doorverwijzen?", "Can you help or refer me?", 44),
                pub("INFORMATION", "Informatievraag", "Request for information", 12),
                primary("OTHER", "Overig", "Other", 4));
        b.table("follow_up", "Opvolging", "Follow-up",
                "Afgesloten verzoeken.", "Closed requests.", "total.TOTAL", 91, List.of(1), false,
                pub("CONSULTATION", "Consultatie", "Consultation", 61),
                pub("ADDITIONAL", "Aanvullende ondersteuning", "Additional support", 30));
        b.table("additional_support", "Aanvullende ondersteuning", "Additional support",
                "Verzoeken met aanvullende ondersteuning; een verzoek kan meer vormen krijgen.",
                "Requests with additional support; a request can get several kinds.", "follow_up.ADDITIONAL", 30, List.of(1), true,
                pub("FORSA", "Individuele begeleiding (Forsa)", "Individual guidance (Forsa)", 11),
                pub("FAMILY", "Familieondersteuning", "Family support", 9),
                primary("LIV", "Landelijk Interventieteam Vreemdelingenketen (LIV)",
                        "National intervention team for the immigration chain", 4),
                pub("MENTAL_HEALTH", "GGZ-consultatie", "Mental-health consultation", 8));

        List<Note> notes = List.of(
                new Note(1, b.l("Afgesloten verzoeken die in de periode binnenkwamen. Verzoeken via de chat (sinds april 2024)"
                                + " zijn niet meegeteld.",
                        "Closed requests received in the period. Requests by chat (since April 2024) are not included.")),
                new Note(2, b.l("'Anders' omvat persoonlijk contact en overige manieren.",
                        "'Other' includes in-person contact and other ways.")),
                new Note(3, b.l("Gebaseerd op de eerste informatie van de aanvrager, niet op een beoordeling.",
                        "Based on the requester's first information, not on an assessment.")));
        List<ChartSpec> charts = List.of(
                new ChartSpec("requester", null, ChartSpec.Type.PIE, ChartSpec.Measure.PERCENT),
                new ChartSpec("first_contact", null, ChartSpec.Type.PIE, ChartSpec.Measure.PERCENT),
                new ChartSpec("work_domain", null, ChartSpec.Type.BAR, ChartSpec.Measure.COUNT),
                new ChartSpec("phenomenon", null, ChartSpec.Type.BAR, ChartSpec.Measure.COUNT),
                new ChartSpec("follow_up", null, ChartSpec.Type.PIE, ChartSpec.Measure.PERCENT));
        List<ChangedCell> changes = List.of(
                new ChangedCell("requester", "CITIZEN", "27", "28"));
        ReportDocument doc = new ReportDocument("infographic", b.l("Hulp- en advieslijn: afgesloten verzoeken",
                "Help and advice line: closed requests"), "2024-H1", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30),
                b.l("Afgesloten hulp- en adviesverzoeken die in het eerste halfjaar van 2024 binnenkwamen, zonder chat.",
                        "Closed help and advice requests received in the first half of 2024, chat excluded."),
                lang, LSE,
                b.l("Het registratiesysteem van de hulp- en advieslijn.", "The case registration system of the help and advice line."),
                LocalDateTime.of(2024, 7, 2, 6, 15),
                notes, b.tables, new AuditStatement(true, b.l("Alle 32 cellen gecontroleerd; geen aantal kleiner dan 5 is af"
                        + " te leiden uit de gepubliceerde cijfers.", "All 32 cells checked; no count below 5 can be derived"
                        + " from the published figures.")),
                changes, charts, publication);
        return new Sample(doc, List.copyOf(b.hidden));
    }

    /** The organisation of the samples. */
    public static final Contact LSE = new Contact("Landelijk Steunpunt Extremisme (LSE)", "088 – 20 80 080", "info@hetlse.nl",
            "https://www.hetlse.nl");

    /** Version 2 of a period, released on 3 July 2024, final. */
    public static final PublicationState RELEASE_2 = new PublicationState(PublicationState.Kind.RELEASE, 2,
            java.time.LocalDate.of(2024, 7, 3), Set.of(), false, null);

    /** The same document in another publication state. */
    public static ReportDocument with(ReportDocument d, PublicationState publication) {
        return new ReportDocument(d.definitionName(), d.title(), d.period(), d.periodStart(), d.periodEnd(), d.population(),
                d.lang(), d.contact(), d.sourceSummary(), d.dataAsOf(), d.notes(), d.tables(), d.audit(),
                d.changesSincePrevious(), d.charts(), publication);
    }

    /**
     * A larger, national-scale report whose withheld cells have distinctive true counts (and so
     * distinctive percentages) that occur nowhere else, for the leak scan.
     */
    public static Sample national(Language lang) {
        return national(lang, false);
    }

    /** {@link #national(Language)}, or with {@code leaky} its withheld cells published anyway (for negative controls). */
    public static Sample national(Language lang, boolean leaky) {
        Builder b = new Builder(lang, leaky);
        b.tables.add(new PublishedTable("total", b.l("Totaal", "Total"), b.l("Alle verzoeken.", "All requests."), "total.TOTAL",
                List.of(), false, List.of(PublishedCell.published("TOTAL", b.l("Totaal", "Total"), 20011, null))));
        b.table("first_contact", "Medium van eerste contact", "Medium of first contact",
                "Alle verzoeken.", "All requests.", "total.TOTAL", 20011, List.of(), false,
                pub("PHONE", "Telefoon", "Phone", 12967),
                pub("EMAIL", "E-mail", "Email", 5873),
                secondary("OTHER", "Anders", "Other", 1169),
                primary("CHAT", "Chat", "Chat", 2));
        b.table("work_domain", "Werkterreinen", "Work domains",
                "Verzoeken van professionals.", "Requests from professionals.", "requester.PROFESSIONAL", 13877, List.of(), false,
                pub("SECURITY", "Veiligheidsdomein", "Security", 4211),
                pub("EDUCATION", "Onderwijs", "Education", 3388),
                pub("CARE", "Zorg", "Care", 2905),
                pub("SOCIAL", "Sociaal domein", "Social services", 1617),
                secondary("MUNICIPALITY", "Gemeente", "Municipality", 1753),
                primary("YOUTH", "Jeugd", "Youth services", 3));
        b.table("phenomenon", "Verschijningsvormen", "Phenomena",
                "Alle verzoeken; een verzoek kan meer vormen raken.",
                "All requests; a request can touch several forms.", "total.TOTAL", 20011, List.of(), true,
                pub("JIHADISM", "Jihadisme", "Jihadism", 6823),
                pub("RIGHT_WING", "Rechts-extremisme", "Right-wing extremism", 8437),
                primary("LEFT_WING", "Links-extremisme", "Left-wing extremism", 1),
                secondary("OTHER", "Overig", "Other", 2659));
        // Last, so that the sheets of the tables above keep their numbers.
        b.table("requester", "Type aanvrager", "Type of requester", "Alle verzoeken.", "All requests.", "total.TOTAL", 20011,
                List.of(), false,
                pub("PROFESSIONAL", "Professional", "Professional", 13877),
                pub("CITIZEN", "Niet-professional (burger)", "Not professional (citizen)", 6134));
        List<ChartSpec> charts = List.of(
                new ChartSpec("first_contact", null, ChartSpec.Type.PIE, ChartSpec.Measure.PERCENT),
                new ChartSpec("work_domain", null, ChartSpec.Type.BAR, ChartSpec.Measure.COUNT),
                new ChartSpec("work_domain", b.l("Werkterreinen in procenten", "Work domains in percent"),
                        ChartSpec.Type.BAR, ChartSpec.Measure.PERCENT),
                ChartSpec.auto("phenomenon"));
        List<ChangedCell> changes = leaky ? List.of() : List.of(
                new ChangedCell("work_domain", "SOCIAL", "1609", "1617"),
                new ChangedCell("work_domain", "YOUTH", "6", "< 5"));
        ReportDocument doc = new ReportDocument("national", b.l("Landelijke cijfers", "National figures"), "2024",
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                b.l("Alle verzoeken van 2024.", "All requests of 2024."), lang,
                new Contact("Voorbeeld", null, "info@example.org", null),
                b.l("Testgegevens.", "Test data."), LocalDateTime.of(2025, 1, 15, 23, 59, 58),
                List.of(), b.tables, new AuditStatement(true, b.l("Controle in orde.", "Check passed.")), changes, charts,
                PublicationState.draft(false, null));
        return new Sample(doc, List.copyOf(b.hidden));
    }
}
