package nl.helpline.warehouse.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.helpline.warehouse.report.workbook.AuditStatement;
import nl.helpline.warehouse.report.workbook.CellsCsvWriter;
import nl.helpline.warehouse.report.workbook.ChangedCell;
import nl.helpline.warehouse.report.workbook.ChartSpec;
import nl.helpline.warehouse.report.workbook.Language;
import nl.helpline.warehouse.report.workbook.Note;
import nl.helpline.warehouse.report.workbook.PublishedCell;
import nl.helpline.warehouse.report.workbook.PublishedTable;
import nl.helpline.warehouse.report.workbook.ReportDocument;
import nl.helpline.warehouse.report.workbook.WorkbookWriter;

/**
 * Hands a protected report to the workbook and cells.csv writers. Only published values cross
 * this line: a suppressed cell reaches the writers as its marker, never as a number.
 */
final class ReportFiles {

    private ReportFiles() {
    }

    static void write(ProtectedReport report, String language, ReportService.DataAsOf asOf,
                      List<PublicationRegister.ChangedCell> changes, PublicationState state, Path workbook, Path cells)
            throws IOException {
        ReportDocument document = document(report, language, asOf, changes, state);
        WorkbookWriter.write(document, report.definition().threshold(), workbook);
        CellsCsvWriter.write(document, cells);
    }

    static ReportDocument document(ProtectedReport report, String language, ReportService.DataAsOf asOf,
                                   List<PublicationRegister.ChangedCell> changes, PublicationState state) {
        boolean en = "en".equals(language);
        ReportDefinition definition = report.definition();
        List<Note> notes = new ArrayList<>();
        int population = addNote(notes, en
                ? "Population: requests received from " + report.period().start() + " to " + report.period().end()
                        + " that are closed" + excluded(definition, true) + "."
                : "Populatie: verzoeken binnengekomen van " + report.period().start() + " tot en met " + report.period().end()
                        + " die zijn afgesloten" + excluded(definition, false) + ".");
        int notAdditive = addNote(notes, en
                ? "A request can touch several categories of this table and counts in each, so the counts add up to more "
                        + "than the number of requests and the percentages to more than 100%."
                : "Een verzoek kan meerdere categorieën van deze tabel raken en telt in elk ervan mee; de aantallen tellen "
                        + "daardoor op tot meer dan het aantal verzoeken en de percentages tot meer dan 100%.");
        int noPercent = addNote(notes, en
                ? "Percentages are not shown for this table: its base is withheld, and percentages would reveal it."
                : "Bij deze tabel staan geen percentages: het totaal waarop ze berekend zijn wordt niet getoond en zou "
                        + "uit de percentages af te leiden zijn.");
        int unknownDomain = addNote(notes, en
                ? "Professionals whose work domain was not registered are counted under 'Unknown'."
                : "Professionals van wie het werkterrein niet is geregistreerd, staan onder 'Onbekend'.");
        if (report.zerosHidden()) {
            int t = definition.threshold();
            addNote(notes, en
                    ? "In this report zeros are also shown as < " + t + ": with zeros shown, a small count could have been worked out."
                    : "In dit rapport staat ook een 0 als < " + t + ": met zichtbare nullen was een klein aantal af te leiden geweest.");
        }
        if (!report.linkedPublications().isEmpty()) {
            addNote(notes, en
                    ? "The withheld counts were chosen together with earlier publications of overlapping periods ("
                            + String.join(", ", report.linkedPublications()) + "), so that they cannot be subtracted from each other."
                    : "De niet getoonde aantallen zijn gekozen in samenhang met eerdere publicaties over overlappende perioden ("
                            + String.join(", ", report.linkedPublications()) + "), zodat ze niet van elkaar af te trekken zijn.");
        }

        List<PublishedTable> tables = new ArrayList<>();
        for (ProtectedReport.Table table : report.tables()) {
            List<Integer> refs = new ArrayList<>(List.of(population));
            if (!table.additive()) {
                refs.add(notAdditive);
            }
            if (!table.percentagesShown()) {
                refs.add(noPercent);
            }
            if (table.definition().dimension().equals("work_domain")
                    && table.rows().stream().anyMatch(r -> r.category().equals("UNKNOWN"))) {
                refs.add(unknownDomain);
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
                    baseDescription(table, en), refs, table.definition().multiValued(), rows));
        }

        List<ChangedCell> changed = changes.stream()
                .map(c -> new ChangedCell(c.table(), c.category(), c.before(), c.now())).toList();
        String source = en
                ? asOf.filesLoaded() + " export files of the case system loaded, the last on " + minutes(asOf.lastLoad())
                        + "; the newest change to a request is of " + minutes(asOf.newestVersion())
                : asOf.filesLoaded() + " exportbestanden van het registratiesysteem geladen, het laatste op " + minutes(asOf.lastLoad())
                        + "; de nieuwste wijziging van een verzoek is van " + minutes(asOf.newestVersion());
        // An empty warehouse has no newest version; the period's end stands in, so output stays reproducible.
        java.time.LocalDateTime dataAsOf = asOf.newestVersion() != null ? asOf.newestVersion() : report.period().end().atStartOfDay();
        return new ReportDocument(definition.name(), definition.title(language), report.period().fileLabel(),
                report.period().start(), report.period().end(), populationSentence(report, en),
                en ? Language.EN : Language.NL, definition.contact(), source, dataAsOf,
                notes, tables, new AuditStatement(report.audit().passed(), auditText(report, en)), changed,
                definition.charts().stream().map(ChartSpec::auto).toList());
    }

    private static String minutes(java.time.LocalDateTime t) {
        return t == null ? "-" : t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    private static int addNote(List<Note> notes, String text) {
        int number = notes.size() + 1;
        notes.add(new Note(number, text));
        return number;
    }

    private static String excluded(ReportDefinition definition, boolean en) {
        if (definition.excludedChannels().isEmpty()) {
            return "";
        }
        String channels = String.join(", ", definition.excludedChannels()).toLowerCase(Locale.ROOT);
        return en ? ", except those that came in by " + channels : ", behalve die via " + channels + " binnenkwamen";
    }

    private static String populationSentence(ProtectedReport report, boolean en) {
        return en ? "Closed requests received in " + report.period().label() + excluded(report.definition(), true)
                : "Afgesloten verzoeken binnengekomen in " + report.period().label() + excluded(report.definition(), false);
    }

    private static String baseDescription(ProtectedReport.Table table, boolean en) {
        String dimension = table.definition().dimension();
        if (dimension.equals("total")) {
            return en ? "Number of closed requests." : "Aantal afgesloten verzoeken.";
        }
        StringBuilder restriction = new StringBuilder();
        for (String value : table.definition().where().values()) {
            restriction.append(switch (value) {
                case "PROFESSIONAL" -> en ? " of professionals" : " van professionals";
                case "CITIZEN" -> en ? " of citizens" : " van burgers";
                case "ADDITIONAL" -> en ? " with additional support" : " met aanvullende ondersteuning";
                case "CONSULTATION" -> en ? " with a consultation" : " met een consultatie";
                default -> " (" + value.toLowerCase(Locale.ROOT) + ")";
            });
        }
        return en ? "Requests" + restriction + " by category; percentages of the table's base."
                  : "Verzoeken" + restriction + " per categorie; percentages van het totaal van de tabel.";
    }

    private static String auditText(ProtectedReport report, boolean en) {
        long primary = report.tables().stream().flatMap(t -> t.rows().stream())
                .filter(r -> r.status() == nl.helpline.warehouse.disclosure.CellStatus.PRIMARY).count();
        long secondary = report.tables().stream().flatMap(t -> t.rows().stream())
                .filter(r -> r.status() == nl.helpline.warehouse.disclosure.CellStatus.SECONDARY).count();
        int t = report.definition().threshold();
        return en
                ? "Passed. " + primary + " counts below " + t + " are shown as < " + t + " and " + secondary
                        + " more as [c]. An exact integer check of everything this workbook publishes"
                        + (report.linkedPublications().isEmpty() ? "" : " and the earlier publications it overlaps with")
                        + " confirms that each withheld small count can still be anything from "
                        + (report.definition().zerosSensitive() || report.zerosHidden() ? 0 : 1) + " to " + (t - 1) + "."
                : "Geslaagd. " + primary + " aantallen kleiner dan " + t + " staan als < " + t + " en nog " + secondary
                        + " als [c]. Een exacte controle met gehele getallen van alles wat deze werkmap publiceert"
                        + (report.linkedPublications().isEmpty() ? "" : " en de eerdere publicaties waarmee ze overlapt")
                        + " bevestigt dat elk niet getoond klein aantal nog alles van "
                        + (report.definition().zerosSensitive() || report.zerosHidden() ? 0 : 1) + " tot en met " + (t - 1) + " kan zijn.";
    }
}
