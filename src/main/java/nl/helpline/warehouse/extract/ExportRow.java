package nl.helpline.warehouse.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One request as one export row states it, already reduced to the contract's codes.
 *
 * <p>Holds no personal data: the reader never copies the name, phone, e-mail or note columns
 * into it. The request number is still in clear here; the load step pseudonymises it before
 * anything reaches the database.
 *
 * @param line          CSV: the physical line where the record starts (1 = header); XLSX: the row number
 * @param closed        null while the request is not closed
 * @param workDomain    a work-domain code for professionals ({@code UNKNOWN} when the export left it
 *                      blank), {@code NOT_APPLICABLE} for citizens
 * @param phenomena     phenomenon codes, empty when the export left the column blank (unknown)
 * @param helpQuestions help-question codes, possibly empty
 * @param followUp      null when not given
 * @param conversations null when blank
 */
public record ExportRow(
        long line,
        String requestNumber,
        LocalDateTime lastModified,
        LocalDate received,
        LocalDate closed,
        String status,
        String channel,
        String requesterType,
        String workDomain,
        List<String> phenomena,
        List<String> helpQuestions,
        String followUp,
        List<String> additionalSupport,
        Integer conversations) {

    public ExportRow {
        phenomena = List.copyOf(phenomena);
        helpQuestions = List.copyOf(helpQuestions);
        additionalSupport = List.copyOf(additionalSupport);
    }
}
