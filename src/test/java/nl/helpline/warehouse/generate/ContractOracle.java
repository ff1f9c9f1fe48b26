package nl.helpline.warehouse.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.yaml.snakeyaml.Yaml;

/**
 * An independent reading of the export contract, for checking the generator's files: labels come
 * from {@code jobs/mappings.yml} (not from the generator's vocabulary), CSV is parsed by
 * {@link Rfc4180}, workbooks by POI's ordinary user model. Slow and simple on purpose; for test
 * files of a few thousand rows only.
 */
final class ContractOracle {

    /** A row the contract accepts, reduced to codes, with where it was. */
    record Accepted(long line, GeneratedRequest request) {
    }

    /** A row the contract rejects, and the first reason found. */
    record Rejected(long line, String reason) {
    }

    record FileReading(List<String> headers, List<Accepted> accepted, List<Rejected> rejected, Charset charset) {
    }

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            strict("dd-MM-uuuu"), strict("d-M-uuuu"), strict("uuuu-MM-dd"));
    private static final List<DateTimeFormatter> TIMESTAMP_FORMATS = List.of(
            strict("dd-MM-uuuu HH:mm"), strict("dd-MM-uuuu HH:mm:ss"),
            strict("uuuu-MM-dd'T'HH:mm"), strict("uuuu-MM-dd'T'HH:mm:ss"));

    private final Map<String, Map<String, String>> mappings;

    ContractOracle(Path mappingsYml) throws IOException {
        Map<String, Map<String, String>> result = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(mappingsYml)) {
            Map<String, Map<String, List<Object>>> yaml = new Yaml().load(reader);
            yaml.forEach((list, codes) -> {
                Map<String, String> byLabel = new HashMap<>();
                codes.forEach((code, labels) -> labels.forEach(label -> byLabel.put(normalise(String.valueOf(label)), code)));
                result.put(list, byLabel);
            });
        }
        this.mappings = result;
    }

    static ContractOracle fromProject() throws IOException {
        return new ContractOracle(Path.of("jobs", "mappings.yml"));
    }

    /** The code for a label in one of the mapping lists, or null. */
    String code(String list, String label) {
        return mappings.get(list).get(normalise(label));
    }

    FileReading read(Path file) throws IOException {
        if (file.getFileName().toString().endsWith(".xlsx")) {
            return readXlsx(file);
        }
        byte[] bytes = Files.readAllBytes(file);
        int offset = 0;
        Charset charset;
        String text;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
        }
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
            charset = StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            charset = Charset.forName("windows-1252");
            text = new String(bytes, charset);
        }
        int endOfHeader = text.indexOf('\n');
        String headerLine = endOfHeader < 0 ? text : text.substring(0, endOfHeader);
        char delimiter = headerLine.indexOf(';') >= 0 ? ';' : ',';
        List<Rfc4180.Record> records = Rfc4180.parse(text, delimiter);
        List<String> headers = records.get(0).fields();
        List<Accepted> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (Rfc4180.Record record : records.subList(1, records.size())) {
            if (record.fields().size() != headers.size()) {
                throw new IllegalStateException("line " + record.line() + ": " + record.fields().size() + " fields");
            }
            classify(record.line(), byHeader(headers, record.fields()), accepted, rejected);
        }
        return new FileReading(headers, accepted, rejected, charset);
    }

    private FileReading readXlsx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row headerRow = sheet.getRow(0);
            List<String> headers = new ArrayList<>();
            for (int c = 0; c < headerRow.getLastCellNum(); c++) {
                headers.add(headerRow.getCell(c).getStringCellValue());
            }
            List<Accepted> accepted = new ArrayList<>();
            List<Rejected> rejected = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> values = new ArrayList<>();
                for (int c = 0; c < headers.size(); c++) {
                    values.add(text(row.getCell(c)));
                }
                classify(r + 1, byHeader(headers, values), accepted, rejected);
            }
            return new FileReading(headers, accepted, rejected, null);
        }
    }

    /** A workbook cell as text in one of the contract's spellings. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.STRING) {
            return cell.getStringCellValue();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            double value = cell.getNumericCellValue();
            if (DateUtil.isCellDateFormatted(cell)) {
                LocalDateTime time = DateUtil.getLocalDateTime(value, false, true);
                return value == Math.floor(value) ? time.toLocalDate().toString()
                        : time.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"));
            }
            if (value == Math.rint(value)) {
                return Long.toString((long) value);
            }
            return Double.toString(value);
        }
        throw new IllegalStateException("unexpected cell type " + cell.getCellType() + " at " + cell.getAddress());
    }

    private static Map<String, String> byHeader(List<String> headers, List<String> values) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            row.put(normalise(headers.get(i)), values.get(i));
        }
        return row;
    }

    private void classify(long line, Map<String, String> row, List<Accepted> accepted, List<Rejected> rejected) {
        try {
            accepted.add(new Accepted(line, reduce(row)));
        } catch (RejectException e) {
            rejected.add(new Rejected(line, e.getMessage()));
        }
    }

    private static final class RejectException extends RuntimeException {
        RejectException(String reason) {
            super(reason, null, false, false);
        }
    }

    private GeneratedRequest reduce(Map<String, String> row) {
        String number = required(row, "Verzoeknummer");
        LocalDateTime lastModified = timestamp(required(row, "Laatst gewijzigd"));
        LocalDate received = date(required(row, "Datum binnenkomst"));
        String status = codeOf("status", required(row, "Status"));
        String channel = codeOf("channel", required(row, "Eerste contact"));
        String requesterType = codeOf("requester_type", required(row, "Type aanvrager"));
        String domainText = value(row, "Werkterrein");
        String workDomain;
        if (requesterType.equals("CITIZEN")) {
            if (!domainText.isEmpty()) {
                throw new RejectException("work domain for a citizen");
            }
            workDomain = "NOT_APPLICABLE";
        } else {
            workDomain = domainText.isEmpty() ? "UNKNOWN" : codeOf("work_domain", domainText);
        }
        List<String> phenomena = codes("phenomenon", value(row, "Verschijningsvormen"));
        List<String> questions = codes("help_question", value(row, "Hulpvragen"));
        String closedText = value(row, "Datum afgesloten");
        LocalDate closed = closedText.isEmpty() ? null : date(closedText);
        String followUpText = value(row, "Opvolging");
        String followUp = followUpText.isEmpty() ? null : codeOf("follow_up", followUpText);
        List<String> support = codes("additional_support", value(row, "Aanvullende ondersteuning"));
        String conversationsText = value(row, "Aantal gesprekken");
        Integer conversations = null;
        if (!conversationsText.isEmpty()) {
            try {
                conversations = Integer.valueOf(conversationsText);
            } catch (NumberFormatException e) {
                throw new RejectException("number does not parse");
            }
            if (conversations < 0) {
                throw new RejectException("negative number");
            }
        }
        if (status.equals("CLOSED") && closed == null) {
            throw new RejectException("closed without closing date");
        }
        if (closed != null && closed.isBefore(received)) {
            throw new RejectException("closed before received");
        }
        if (status.equals("CLOSED") && followUp == null) {
            throw new RejectException("closed without follow-up");
        }
        if ("ADDITIONAL".equals(followUp) && support.isEmpty()) {
            throw new RejectException("additional support without its kind");
        }
        return new GeneratedRequest(number, lastModified, received, closed, status, channel, requesterType,
                workDomain, phenomena, questions, followUp, support, conversations);
    }

    private static String value(Map<String, String> row, String header) {
        String value = row.get(normalise(header));
        if (value == null) {
            throw new IllegalStateException("column missing: " + header);
        }
        return value.strip();
    }

    private static String required(Map<String, String> row, String header) {
        String value = value(row, header);
        if (value.isEmpty()) {
            throw new RejectException("missing " + header);
        }
        return value;
    }

    private String codeOf(String list, String label) {
        String code = code(list, label);
        if (code == null) {
            throw new RejectException("unknown " + list + " '" + label + "'");
        }
        return code;
    }

    private List<String> codes(String list, String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (String label : text.split("\\|")) {
            codes.add(codeOf(list, label));
        }
        return codes;
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next
            }
        }
        throw new RejectException("date does not parse");
    }

    private static LocalDateTime timestamp(String text) {
        for (DateTimeFormatter format : TIMESTAMP_FORMATS) {
            try {
                return LocalDateTime.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next
            }
        }
        throw new RejectException("timestamp does not parse");
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    static String normalise(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }
}
