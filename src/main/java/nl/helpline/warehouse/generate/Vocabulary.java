package nl.helpline.warehouse.generate;

import java.util.List;

/**
 * The contract's code lists with the labels the generator writes for them.
 *
 * <p>The first label is the contract's own spelling; the others are synonyms that
 * {@code jobs/mappings.yml} accepts. They are copied here on purpose instead of read from that
 * file: operations may add synonyms to the mappings at any time, and that must not change what a
 * given seed generates (the committed example inbox would go stale). A test checks that every
 * label here is still accepted by the mappings.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    /** A contract code together with the labels the case system writes for it. */
    interface Coded {
        String name();

        List<String> labels();

        default String code() {
            return name();
        }
    }

    enum Status implements Coded {
        OPEN("Open"),
        IN_PROGRESS("In behandeling"),
        CLOSED("Afgesloten"),
        WITHDRAWN("Vervallen");

        private final List<String> labels;

        Status(String... labels) {
            this.labels = List.of(labels);
        }

        @Override
        public List<String> labels() {
            return labels;
        }
    }

    enum Channel implements Coded {
        PHONE("Telefoon", "Telefonisch", "Tel"),
        EMAIL("E-mail", "Email", "e-mail", "Mail"),
        CHAT("Chat"),
        IN_PERSON("Persoonlijk", "Persoonlijk contact"),
        OTHER("Anders", "Overig");

        private final List<String> labels;

        Channel(String... labels) {
            this.labels = List.of(labels);
        }

        @Override
        public List<String> labels() {
            return labels;
        }
    }

    enum RequesterType implements Coded {
        PROFESSIONAL("Professional", "Professioneel"),
        CITIZEN("Burger", "Niet-professional", "Niet professioneel");

        private final List<String> labels;

        RequesterType(String... labels) {
            this.labels = List.of(labels);
        }

        @Override
        public List<String> labels() {
            return labels;
        }
    }

    enum WorkDomain implements Coded {
        SECURITY("Veiligheid", "Veiligheidsdomein"),
        EDUCATION("Onderwijs"),
        CARE("Zorg"),
        SOCIAL("Sociaal domein"),
        MUNICIPALITY("Gemeente"),
        YOUTH("Jeugd"),
        OTHER("Overig", "Anders");

        private final List<String> labels;

        WorkDomain(String... labels) {
            this.labels = List.of(labels);
        }

        @Override
        public List<String> labels() {
            return labels;
        }
    }

    /** {@code UNKNOWN}/{@code Onbekend} is never written: a blank column already means unknown. */
    enum Phenomenon implements Coded {
        JIHADISM("Jihadisme"),
        RIGHT_WING("Rechts-extremisme", "Rechts extremisme", "Rechtsextremisme"),
        LEFT_WING("Links-extremisme", "Links extremisme", "Linksextremisme"),
        ANTI_INSTITUTIONAL("Anti-institutioneel extremisme", "Anti-institutioneel"),
        CONSPIRACY("Complotdenken"),
        MIXED("Mixed of onduidelijke ideologie", "Mixed", "Onduidelijke ideologie"),
        OTHER("Overig", "Anders");

        private final List<String> labels;

        Phenomenon(String... labels) {
            this.labels = List.of(labels);
        }

        @Override
        public List<String> labels() {
            return labels;
        }
    }

    enum HelpQuestion implements Coded {
        IS_CONCERNING("Is de situatie zorgelijk?", "Is de situatie zorgelijk"),
        STAY_IN_CONTACT("Hoe blijf ik in gesprek of contact?", "Hoe blijf ik in gesprek of contact"),
        HELP_OR_REFER("Kunnen jullie mij helpen of doorverwijzen?", "Kunnen jullie mij helpen of doorverwijzen"),
        INFORMATION("Informatievraag"),
        OTHER("Overig", "Anders");

        private final List<String> labels;

        HelpQuestion(String... labels) {
            this.labels = List.of(labels);
        }

        @Override
        public List<String> labels() {
            return labels;
        }
    }

    enum FollowUp implements Coded {
        CONSULTATION("Consultatie"),
        ADDITIONAL("Aanvullende ondersteuning", "Aanvullend");

        private final List<String> labels;

        FollowUp(String... labels) {
            this.labels = List.of(labels);
        }

        @Override
        public List<String> labels() {
            return labels;
        }
    }

    enum Support implements Coded {
        FORSA("Forsa", "Individuele begeleiding (Forsa)", "Individuele begeleiding"),
        FAMILY("Familieondersteuning"),
        LIV("LIV", "Landelijk Interventieteam Vreemdelingenketen (LIV)", "Landelijk Interventieteam Vreemdelingenketen"),
        MENTAL_HEALTH("GGZ-consultatie", "GGZ consultatie", "GGZ");

        private final List<String> labels;

        Support(String... labels) {
            this.labels = List.of(labels);
        }

        @Override
        public List<String> labels() {
            return labels;
        }
    }
}
