package nl.helpline.warehouse.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written export files for tests that need exact control over every value. Rows start as a
 * valid closed request and tests change what they are about.
 */
public final class ExportCsv {

    public static final List<String> HEADER = List.of(
            "Verzoeknummer", "Laatst gewijzigd", "Datum binnenkomst", "Datum afgesloten", "Status",
            "Eerste contact", "Type aanvrager", "Werkterrein", "Verschijningsvormen", "Hulpvragen",
            "Opvolging", "Aanvullende ondersteuning", "Aantal gesprekken",
            "Naam melder", "Telefoonnummer melder", "E-mailadres melder", "Naam betrokkene", "Toelichting");

    /** Personal values every row carries, so tests can prove none of them is kept anywhere. */
    public static final List<String> PERSONAL = List.of("Jan Privé-Melder", "0612345678", "jan.melder@example.nl",
            "Piet Betrokkene", "Zorgen over buurman");

    private final List<String> header;
    private final List<Row> rows = new ArrayList<>();

    private ExportCsv(List<String> header) {
        this.header = header;
    }

    public static ExportCsv create() {
        return new ExportCsv(HEADER);
    }

    public static ExportCsv withHeader(List<String> header) {
        return new ExportCsv(header);
    }

    public ExportCsv add(Row row) {
        rows.add(row);
        return this;
    }

    public static Row row(String requestNumber, String lastModified) {
        return new Row().set("Verzoeknummer", requestNumber).set("Laatst gewijzigd", lastModified);
    }

    public Path write(Path file) {
        StringBuilder text = new StringBuilder(String.join(";", header)).append("\r\n");
        for (Row row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : header) {
                cells.add(quote(row.values.getOrDefault(column, "")));
            }
            text.append(String.join(";", cells)).append("\r\n");
        }
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code count} rows without holding them, for files too big to build in memory. */
    public static Path stream(Path file, int count, java.util.function.IntFunction<Row> rows) {
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(";", HEADER));
            out.write("\r\n");
            for (int i = 0; i < count; i++) {
                Row row = rows.apply(i);
                List<String> cells = new ArrayList<>(HEADER.size());
                for (String column : HEADER) {
                    cells.add(quote(row.values.getOrDefault(column, "")));
                }
                out.write(String.join(";", cells));
                out.write("\r\n");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String value) {
        if (value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    public static final class Row {
        private final Map<String, String> values = new LinkedHashMap<>();

        Row() {
            set("Datum binnenkomst", "10-01-2024");
            set("Datum afgesloten", "20-01-2024");
            set("Status", "Afgesloten");
            set("Eerste contact", "Telefoon");
            set("Type aanvrager", "Professional");
            set("Werkterrein", "Onderwijs");
            set("Verschijningsvormen", "Jihadisme|Complotdenken");
            set("Hulpvragen", "Is de situatie zorgelijk?");
            set("Opvolging", "Consultatie");
            set("Aantal gesprekken", "2");
            set("Naam melder", PERSONAL.get(0));
            set("Telefoonnummer melder", PERSONAL.get(1));
            set("E-mailadres melder", PERSONAL.get(2));
            set("Naam betrokkene", PERSONAL.get(3));
            set("Toelichting", PERSONAL.get(4) + ";\n\"schreeuwt\" over de overheid");
        }

        public Row set(String column, String value) {
            values.put(column, value);
            return this;
        }
    }

    /** The export's label of a work domain code (as the case system writes it). */
    public static String workDomainLabel(String code) {
        return switch (code) {
            case "SECURITY" -> "Veiligheid";
            case "EDUCATION" -> "Onderwijs";
            case "CARE" -> "Zorg";
            case "SOCIAL" -> "Sociaal domein";
            case "MUNICIPALITY" -> "Gemeente";
            case "YOUTH" -> "Jeugd";
            case "OTHER" -> "Overig";
            default -> "";
        };
    }

    /** The export's label of an additional support code. */
    public static String supportLabel(String code) {
        return switch (code) {
            case "FORSA" -> "Forsa";
            case "FAMILY" -> "Familieondersteuning";
            case "LIV" -> "LIV";
            default -> "GGZ-consultatie";
        };
    }
}
