package nl.helpline.warehouse.generate;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.helpline.warehouse.generate.Vocabulary.Channel;

/**
 * Fake personal data for the five personal columns. It is there to be dropped: every name,
 * e-mail address and note carries one of {@link #SURNAMES}, and every phone number matches
 * {@link #PHONE}, so a test can search any warehouse output for a leak.
 *
 * <p>The notes hold what breaks naive parsers: the delimiters {@code ;} and {@code ,}, quotes,
 * line breaks (LF and CRLF), text that looks like a header or a request number, and characters
 * outside ASCII that Windows-1252 can still encode.
 */
record PersonalData(String reporterName, String reporterPhone, String reporterEmail, String subjectName, String note) {

    /**
     * Made-up surnames that look Dutch but are rare enough not to occur in anything else the
     * warehouse writes. ASCII only, so a byte search finds them in any encoding.
     */
    static final List<String> SURNAMES = List.of(
            "Brakkenstein", "Klaverweide", "Dorrestijnhof", "Hoogenkampers", "Veldhuijzer", "Zwanenveldt",
            "Kortenhoeven", "Meerstedink", "Wolterbeekman", "Ravensbergh", "Lindenhoffs", "Ossewaardt",
            "Tichelaarts", "Vinkesteyn", "Harmsemaker", "Boschlooijer", "Kalkhovener", "Steenhuysman",
            "Roozeboomsma", "Weidenaarts");

    /** Every generated phone number: a Dutch mobile number in one fixed spelling. */
    static final Pattern PHONE = Pattern.compile("06-[1-9][0-9]{7}");

    private static final List<String> FIRST_NAMES = List.of(
            "Daan", "Sem", "Lucas", "Emma", "Julia", "Sophie", "Noah", "Fleur", "Mohammed", "Fatima", "Anouk",
            "Bram", "Sanne", "Yusuf", "Iris", "Thijs", "Lotte", "Milan", "Noor", "Zeynep", "Ruben", "Eva",
            "Ayoub", "Chloë", "Zoë", "René", "Loïs", "Maël", "Jörgen", "Inès");

    private static final List<String> MAIL_DOMAINS = List.of("voorbeeldmail.nl", "mail-voorbeeld.nl", "example.org");

    /** {0} reporter first name, {1} subject first name, {2} surname, {3} phone, {4} line break. */
    private static final List<String> NOTES = List.of(
            "Melder maakt zich zorgen over zoon {1} {2}; deelt \"memes\" met extremistische inhoud.{4}"
                    + "Wil weten of dit zorgelijk is, en hoe hij in gesprek blijft.",
            "Docent belt over leerling {1} ({2}): uitspraken in de klas, o.a. \"wij tegen zij\";{4}"
                    + "school vraagt advies, terugbellen op {3}.",
            "Wijkagent: {1} {2} (begin 20) volgt online complotkanalen, zegt \"de overheid liegt\".{4}"
                    + "Casus besproken in Zorg- en Veiligheidshuis; vervolg gepland.",
            "\"Ik weet niet of ik overdrijf\", aldus {0} {2}.{4}{4}Broer {1}, 17 jaar; sinds de zomer teruggetrokken, "
                    + "kijkt filmpjes van prediker.",
            "Verzoeknummer;Status;Toelichting{4}HAL-2023-000417;Afgesloten;eerder contact met {0} {2}, "
                    + "zie dossier (\"niet overnemen\").",
            "Moeder van {1} {2} mailt: “hij praat alleen nog over ‘de elite’”; café-eigenaar maakte zich ook zorgen, "
                    + "€ 50 gedoneerd aan \"de beweging\".{4}Graag contact via {3}.",
            "Anoniem begonnen, later naam gegeven: {0} {2}. Vraag: \"kunnen jullie doorverwijzen?\";{4}"
                    + "GGZ al betrokken, huisarts niet.",
            "{2}, {0} – jongerenwerker; ziet groepje rond {1} met symbolen, roept \"wij zijn de ware\";{4}wil weten wat wel/niet strafbaar is.{4}");

    static PersonalData draw(Rng rng, Channel channel) {
        String surname = rng.pick(SURNAMES);
        String reporterFirst = rng.pick(FIRST_NAMES);
        String subjectFirst = rng.pick(FIRST_NAMES);
        String phone = "06-" + rng.between(1, 9) + String.format(Locale.ROOT, "%07d", rng.nextInt(10_000_000));
        String lineBreak = rng.chance(0.5) ? "\n" : "\r\n";
        String note = rng.pick(NOTES)
                .replace("{0}", reporterFirst).replace("{1}", subjectFirst).replace("{2}", surname)
                .replace("{3}", phone).replace("{4}", lineBreak);
        // The chat is anonymous; elsewhere a caller sometimes keeps their name to themselves.
        boolean anonymous = channel == Channel.CHAT || rng.chance(0.1);
        String reporterName = anonymous ? "" : rng.chance(0.8) ? reporterFirst + " " + surname : surname + ", " + reporterFirst.charAt(0) + ".";
        String reporterPhone = anonymous || channel == Channel.EMAIL && rng.chance(0.7) ? "" : phone;
        String reporterEmail = anonymous || channel != Channel.EMAIL && rng.chance(0.6) ? ""
                : ascii(reporterFirst) + "." + surname.toLowerCase(Locale.ROOT) + "@" + rng.pick(MAIL_DOMAINS);
        String subjectName = rng.chance(0.35) ? "" : subjectFirst + " " + surname;
        return new PersonalData(reporterName, reporterPhone, reporterEmail, subjectName, note);
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
