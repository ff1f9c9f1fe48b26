package nl.helpline.warehouse.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written CSV exports with exact control over every byte: delimiter, line ending, character
 * set, BOM, header. Rows start as a valid closed request; tests change what they are about.
 */
final class TestExport {

    static final List<String> HEADER = ExportColumn.all().stream().map(ExportColumn::header).toList();

    /** Personal values every row carries, so tests can prove none of them comes out of a reader. */
    static final String REPORTER_NAME = "Jantje Geheimnaam";
    static final String REPORTER_PHONE = "0699911122";
    static final String REPORTER_EMAIL = "geheim@voorbeeld.nl";
    static final String SUBJECT_NAME = "Klaasje Verborgen";
    static final String NOTE = "Vertrouwelijke zorg; \"schreeuwt\"\nover de overheid";
    static final List<String> PERSONAL = List.of(REPORTER_NAME, REPORTER_PHONE, REPORTER_EMAIL, SUBJECT_NAME,
            "Vertrouwelijke zorg", "schreeuwt");

    private List<String> header = HEADER;
    private final List<Row> rows = new ArrayList<>();
    private char delimiter = ';';
    private String lineEnd = "\r\n";
    private Charset charset = StandardCharsets.UTF_8;
    private boolean bom;

    static TestExport csv() {
        return new TestExport();
    }

    static Row row(String requestNumber, String lastModified) {
        return new Row().set("Verzoeknummer", requestNumber).set("Laatst gewijzigd", lastModified);
    }

    TestExport header(List<String> header) {
        this.header = header;
        return this;
    }

    TestExport delimiter(char delimiter) {
        this.delimiter = delimiter;
        return this;
    }

    TestExport lineEnd(String lineEnd) {
        this.lineEnd = lineEnd;
        return this;
    }

    TestExport charset(Charset charset) {
        this.charset = charset;
        return this;
    }

    TestExport bom() {
        this.bom = true;
        return this;
    }

    TestExport add(Row... added) {
        rows.addAll(List.of(added));
        return this;
    }

    String text() {
        StringBuilder text = new StringBuilder();
        appendLine(text, header);
        for (Row row : rows) {
            appendLine(text, header.stream().map(row::get).toList());
        }
        return text.toString();
    }

    Path write(Path file) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (bom) {
                bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            bytes.write(text().getBytes(charset));
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void appendLine(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(delimiter);
            }
            text.append(quote(cells.get(i)));
        }
        text.append(lineEnd);
    }

    private String quote(String value) {
        if (value.indexOf(delimiter) >= 0 || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    static final class Row {
        private final Map<String, String> values = new LinkedHashMap<>();

        private Row() {
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
            set("Naam melder", REPORTER_NAME);
            set("Telefoonnummer melder", REPORTER_PHONE);
            set("E-mailadres melder", REPORTER_EMAIL);
            set("Naam betrokkene", SUBJECT_NAME);
            set("Toelichting", NOTE);
        }

        /** Sets a value under a header, spelled as in the contract or exactly as the header row spells it. */
        Row set(String column, String value) {
            values.put(column, value);
            return this;
        }

        /** The value set under exactly this header, else under a header that matches it as a reader would. */
        private String get(String column) {
            if (values.containsKey(column)) {
                return values.get(column);
            }
            return values.entrySet().stream().filter(e -> Text.key(e.getKey()).equals(Text.key(column)))
                    .map(Map.Entry::getValue).findFirst().orElse("");
        }
    }
}
