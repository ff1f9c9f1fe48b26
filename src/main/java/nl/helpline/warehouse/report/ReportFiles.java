package nl.helpline.warehouse.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import nl.helpline.warehouse.report.workbook.AuditStatement;
import nl.helpline.warehouse.report.workbook.CellsCsvWriter;
import nl.helpline.warehouse.report.workbook.ChangedCell;
import nl.helpline.warehouse.report.workbook.ChartSpec;
import nl.helpline.warehouse.report.workbook.EditorialTexts;
import nl.helpline.warehouse.report.workbook.Language;
import nl.helpline.warehouse.report.workbook.Note;
import nl.helpline.warehouse.report.workbook.PeriodNames;
import nl.helpline.warehouse.report.workbook.PublishedCell;
import nl.helpline.warehouse.report.workbook.PublishedTable;
import nl.helpline.warehouse.report.workbook.ReportDocument;
import nl.helpline.warehouse.report.workbook.WorkbookWriter;

/**
 * Hands a protected report to the workbook and cells.csv writers. Only published values cross
 * this line: a suppressed cell reaches the writers as its marker, never as a number. The texts
 * that are not figures (definitions, caveats, the chat remark, the source, the contact) come from
 * the editorial texts under {@code jobs/texts/}, the same files the infographic reads.
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    public static void write(ProtectedReport report, String language, ReportService.DataAsOf asOf,
                      List<PublicationRegister.ChangedCell> changes, PublicationState state, EditorialTexts texts,
                      Path workbook, Path cells) throws IOException {
        ReportDocument document = document(report, language, asOf, changes, state, texts);
        WorkbookWriter.write(document, report.definition().threshold(), workbook);
        CellsCsvWriter.write(document, report.definition().threshold(), cells);
    }

    static ReportDocument document(ProtectedReport report, String language, ReportService.DataAsOf asOf,
                                   List<PublicationRegister.ChangedCell> changes, PublicationState state, EditorialTexts texts) {
        boolean en = "en".equals(language);
        Language lang = en ? Language.EN : Language.NL;
        if (texts.lang() != lang) {
            throw new IllegalArgumentException("the editorial texts are in " + texts.lang() + ", the report in " + lang);
        }
        ReportDefinition definition = report.definition();
        Period period = report.period();
        Function<String, Optional<String>> placeholders = key -> Optional.ofNullable(switch (key) {
            case "period" -> PeriodNames.name(period.start(), period.end(), lang);
            case "in_period" -> PeriodNames.inPeriod(period.start(), period.end(), lang);
            case "threshold" -> Integer.toString(definition.threshold());
            case "phone" -> texts.contact().phone();
            case "email" -> texts.contact().email();
            case "organisation" -> texts.contact().organisation();
            default -> null;
        });
        boolean chatExcluded = definition.excludedChannels().contains("CHAT");

        // Notes are numbered in the order tables first refer to them, so every listed note is used.
        Notes notes = new Notes();
        List<PublishedTable> tables = new ArrayList<>();
        for (ProtectedReport.Table table : report.tables()) {
            String dimension = table.definition().dimension();
            List<Integer> refs = new ArrayList<>();
            refs.add(notes.ref("population", () -> populationNote(report, lang, chatExcluded, texts, placeholders)));
            if (texts.has("notes/" + dimension + ".txt")) {
                refs.add(notes.ref("dimension:" + dimension, () -> dimensionNote(table, dimension, lang, texts, placeholders)));
            }
            if (!table.additive()) {
                refs.add(notes.ref("notAdditive", () -> en
                        ? "A request can touch several categories of this table and counts in each, so the counts add up to more "
                                + "than the number of requests and the percentages to more than 100%."
                        : "Een verzoek kan meerdere categorieën van deze tabel raken en telt in elk ervan mee; de aantallen tellen "
                                + "daardoor op tot meer dan het aantal verzoeken en de percentages tot meer dan 100%."));
            }
            if (!table.percentagesShown()) {
                refs.add(notes.ref("noPercent", () -> en
                        ? "Percentages are not shown for this table ([c]): its base is withheld, and percentages would reveal it."
                        : "Bij deze tabel staan geen percentages ([c]): het totaal waarop ze berekend zijn wordt niet getoond en zou "
                                + "uit de percentages af te leiden zijn."));
            }
            if (dimension.equals("work_domain") && table.rows().stream().anyMatch(r -> r.category().equals("UNKNOWN"))) {
                refs.add(notes.ref("unknownDomain", () -> en
                        ? "Professionals whose work domain was not registered are counted under 'Unknown'."
                        : "Professionals van wie het werkterrein niet is geregistreerd, staan onder 'Onbekend'."));
            }
            if (report.zerosHidden()) {
                int t = definition.threshold();
                refs.add(notes.ref("zerosHidden", () -> en
                        ? "In this report zeros are also shown as < " + t + ": with zeros shown, a small count could have been worked out."
                        : "In dit rapport staat ook een 0 als < " + t + ": met zichtbare nullen was een klein aantal af te leiden geweest."));
            }
            List<PublishedCell> rows = new ArrayList<>();
            for (ProtectedReport.Row row : table.rows()) {
                rows.add(switch (row.status()) {
                    case PUBLISHED -> PublishedCell.published(row.category(), row.label(language), row.trueCount(), row.percent());
                    case PRIMARY -> PublishedCell.primary(row.category(), row.label(language));
                    case SECONDARY -> PublishedCell.secondary(row.category(), row.label(language));
                });
            }
            tables.add(new PublishedTable(table.definition().id(), table.definition().title(language),
                    baseDescription(table, definition, en), baseCell(report, table), refs, table.definition().multiValued(), rows));
        }

        List<ChangedCell> changed = changes.stream()
                .map(c -> new ChangedCell(c.table(), c.category(), c.before(), c.now())).toList();
        // An empty population has no newest change; the period's end stands in, so output stays reproducible.
        LocalDateTime dataAsOf = asOf.newestVersion() != null ? asOf.newestVersion() : period.end().atStartOfDay();
        return new ReportDocument(definition.name(), definition.title(language), period.fileLabel(),
                period.start(), period.end(), populationSentence(report, lang, chatExcluded, texts, placeholders),
                lang, texts.contact(), texts.plain("source.txt", placeholders), dataAsOf,
                notes.list(), tables, new AuditStatement(report.audit().passed(), auditText(report, lang)), changed,
                definition.charts().stream().map(ChartSpec::auto).toList(), state);
    }

    /** Numbered notes, created when a table first refers to them. */
    private static final class Notes {
        private final Map<String, Note> byKey = new LinkedHashMap<>();

        int ref(String key, Supplier<String> text) {
            return byKey.computeIfAbsent(key, k -> new Note(byKey.size() + 1, text.get())).number();
        }

        List<Note> list() {
            return List.copyOf(byKey.values());
        }
    }

    private static String populationNote(ProtectedReport report, Language lang, boolean chatExcluded, EditorialTexts texts,
                                         Function<String, Optional<String>> placeholders) {
        boolean en = lang == Language.EN;
        String closed = closed(report.definition(), en);
        String days = PeriodNames.days(report.period().start(), report.period().end(), lang);
        String text = en
                ? "Population: " + closed + "requests received from " + days + excluded(report.definition(), true) + "."
                : "Populatie: " + closed + "verzoeken die zijn binnengekomen van " + days + excluded(report.definition(), false) + ".";
        return chatExcluded ? text + " " + texts.plain("chat-excluded.txt", placeholders) : text;
    }

    private static String dimensionNote(ProtectedReport.Table table, String dimension, Language lang, EditorialTexts texts,
                                        Function<String, Optional<String>> placeholders) {
        StringBuilder note = new StringBuilder(texts.plain("notes/" + dimension + ".txt", placeholders));
        if (dimension.equals("additional_support")) {
            // The kinds of support, defined in the same words as the infographic's service descriptions.
            for (ProtectedReport.Row row : table.rows()) {
                String service = "services/" + row.category() + ".txt";
                if (texts.has(service)) {
                    note.append('\n').append(row.label(lang == Language.EN ? "en" : "nl")).append(": ")
                            .append(texts.plain(service, placeholders));
                }
            }
        }
        return note.toString();
    }

    private static String closed(ReportDefinition definition, boolean en) {
        return "CLOSED".equals(definition.populationStatus()) ? (en ? "closed " : "afgesloten ") : "";
    }

    private static String excluded(ReportDefinition definition, boolean en) {
        if (definition.excludedChannels().isEmpty()) {
            return "";
        }
        List<String> channels = definition.excludedChannels().stream().map(c -> channelName(c, en)).toList();
        return en ? ", except those that came in by " + String.join(", ", channels)
                  : ", behalve die via " + String.join(", ", channels) + " binnenkwamen";
    }

    private static String channelName(String code, boolean en) {
        return switch (code) {
            case "CHAT" -> "chat";
            case "PHONE" -> en ? "phone" : "telefoon";
            case "EMAIL" -> en ? "email" : "e-mail";
            case "IN_PERSON" -> en ? "in person" : "persoonlijk contact";
            default -> code.toLowerCase(Locale.ROOT);
        };
    }

    private static String populationSentence(ProtectedReport report, Language lang, boolean chatExcluded, EditorialTexts texts,
                                             Function<String, Optional<String>> placeholders) {
        boolean en = lang == Language.EN;
        String in = PeriodNames.inPeriod(report.period().start(), report.period().end(), lang);
        String closed = closed(report.definition(), en);
        String sentence = en
                ? capital(closed + "requests received " + in + excluded(report.definition(), true) + ".")
                : capital(closed + "verzoeken die " + in + " zijn binnengekomen" + excluded(report.definition(), false) + ".");
        return chatExcluded ? sentence + " " + texts.plain("chat-excluded.txt", placeholders) : sentence;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The cell whose count is the base of a table's percentages: the rule of {@link ReportProtection#baseCell}. */
    private static String baseCell(ProtectedReport report, ProtectedReport.Table table) {
        ReportDefinition.TableDefinition t = table.definition();
        if (t.dimension().equals("total")) {
            return t.id() + ".TOTAL";
        }
        if (t.sumsTo() != null && t.sumsTo().contains(".")) {
            return t.sumsTo();
        }
        String target = t.sumsTo() != null ? t.sumsTo()
                : report.definition().tables().stream().filter(d -> d.dimension().equals("total")).findFirst().orElseThrow().id();
        ProtectedReport.Table targetTable = report.tables().stream().filter(x -> x.definition().id().equals(target))
                .findFirst().orElseThrow();
        return target + "." + targetTable.rows().get(0).category();
    }

    private static String baseDescription(ProtectedReport.Table table, ReportDefinition definition, boolean en) {
        String closed = closed(definition, en);
        if (table.definition().dimension().equals("total")) {
            return en ? "Number of " + closed + "requests." : "Aantal " + closed + "verzoeken.";
        }
        StringBuilder restriction = new StringBuilder();
        for (String value : table.definition().where().values()) {
            restriction.append(switch (value) {
                case "PROFESSIONAL" -> en ? " of professionals" : " van professionals";
                case "CITIZEN" -> en ? " of citizens" : " van niet-professionals";
                case "ADDITIONAL" -> en ? " with additional support" : " met aanvullende ondersteuning";
                case "CONSULTATION" -> en ? " with a consultation" : " met een consultatie";
                default -> " (" + value.toLowerCase(Locale.ROOT) + ")";
            });
        }
        return en ? capital(closed + "requests" + restriction + " by category; percentages of the number of " + closed + "requests"
                        + restriction + ".")
                  : capital(closed + "verzoeken" + restriction + " per categorie; percentages van het aantal " + closed + "verzoeken"
                        + restriction + ".");
    }

    private static String auditText(ProtectedReport report, Language lang) {
        boolean en = lang == Language.EN;
        long primary = report.tables().stream().flatMap(t -> t.rows().stream())
                .filter(r -> r.status() == nl.helpline.warehouse.disclosure.CellStatus.PRIMARY).count();
        long secondary = report.tables().stream().flatMap(t -> t.rows().stream())
                .filter(r -> r.status() == nl.helpline.warehouse.disclosure.CellStatus.SECONDARY).count();
        int t = report.definition().threshold();
        int from = report.definition().zerosSensitive() || report.zerosHidden() ? 0 : 1;
        String earlier = earlierPublications(report, lang);
        if (primary == 0 && secondary == 0) {
            return en
                    ? "Nothing needed suppressing: no count in this workbook is between " + from + " and " + (t - 1) + "."
                            + (earlier.isEmpty() ? "" : " It was checked together with the earlier publications of " + earlier + ".")
                    : "Niets hoefde te worden afgeschermd: geen enkel aantal in deze werkmap ligt tussen " + from + " en " + (t - 1) + "."
                            + (earlier.isEmpty() ? "" : " Dat is gecontroleerd samen met de eerdere publicaties over " + earlier + ".");
        }
        StringBuilder text = new StringBuilder();
        if (primary > 0) {
            text.append(en
                    ? primary + (primary == 1 ? " count below " + t + " is shown as < " : " counts below " + t + " are shown as < ") + t
                    : primary + (primary == 1 ? " aantal kleiner dan " + t + " staat als < " : " aantallen kleiner dan " + t + " staan als < ") + t);
            text.append(secondary == 0 ? "." : en ? " and " + secondary + " more as [c]." : " en nog " + secondary + " als [c].");
        } else {
            text.append(en
                    ? "No count is below " + t + ", but " + secondary + (secondary == 1 ? " count is" : " counts are")
                            + " shown as [c] to protect small counts of the earlier publications."
                    : "Geen aantal is kleiner dan " + t + ", maar " + secondary + (secondary == 1 ? " aantal staat" : " aantallen staan")
                            + " als [c] om kleine aantallen in de eerdere publicaties te beschermen.");
        }
        text.append(en
                ? " An exact integer check of everything this workbook publishes"
                        + (earlier.isEmpty() ? "" : " together with the earlier publications of " + earlier)
                        + " confirms that each withheld small count can still be anything from " + from + " to " + (t - 1) + "."
                : " Een exacte controle met gehele getallen van alles wat deze werkmap publiceert"
                        + (earlier.isEmpty() ? "" : ", samen met de eerdere publicaties over " + earlier + ",")
                        + " bevestigt dat elk niet getoond klein aantal nog alles van " + from + " tot en met " + (t - 1) + " kan zijn.");
        return text.toString();
    }

    /** The overlapping periods the report was protected together with, written out ("het eerste kwartaal 2024"). */
    private static String earlierPublications(ProtectedReport report, Language lang) {
        List<String> names = new ArrayList<>();
        for (String linked : report.linkedPublications()) {
            // "2024-Q1 (publication 3)": the register's label, then its internal id, which readers need not see.
            int space = linked.indexOf(' ');
            String label = space < 0 ? linked : linked.substring(0, space);
            try {
                Period p = Period.parse(label);
                String name = PeriodNames.name(p.start(), p.end(), lang);
                if (!names.contains(name)) {
                    names.add(name);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("unexpected earlier publication " + linked, e);
            }
        }
        return String.join(", ", names);
    }
}
