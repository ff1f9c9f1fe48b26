package nl.helpline.warehouse.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import nl.helpline.warehouse.extract.ExportRow;

/**
 * The truth about one request: its state in its latest version (by {@code Laatst gewijzigd}),
 * in the contract's codes, exactly as a correct reader should reduce that row to an
 * {@link ExportRow}. Lists are in the order the file writes them.
 *
 * @param status        OPEN, IN_PROGRESS, CLOSED or WITHDRAWN
 * @param closed        null unless the latest version is closed
 * @param channel       PHONE, EMAIL, CHAT, IN_PERSON or OTHER
 * @param requesterType PROFESSIONAL or CITIZEN
 * @param workDomain    SECURITY..OTHER; UNKNOWN for a professional whose row leaves it blank;
 *                      NOT_APPLICABLE for citizens
 * @param phenomena     phenomenon codes, empty when the row leaves the column blank (unknown)
 * @param helpQuestions help-question codes, possibly empty
 * @param followUp      CONSULTATION or ADDITIONAL, null when the row leaves it blank
 * @param additionalSupport FORSA, FAMILY, LIV, MENTAL_HEALTH; non-empty exactly when followUp is ADDITIONAL
 * @param conversations null when the row leaves it blank
 */
public record GeneratedRequest(
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

    public GeneratedRequest {
        phenomena = List.copyOf(phenomena);
        helpQuestions = List.copyOf(helpQuestions);
        additionalSupport = List.copyOf(additionalSupport);
    }

    /** The same fields of a row as a reader produced it, for comparing a reader's output with the truth. */
    public static GeneratedRequest of(ExportRow row) {
        return new GeneratedRequest(row.requestNumber(), row.lastModified(), row.received(), row.closed(),
                row.status(), row.channel(), row.requesterType(), row.workDomain(), row.phenomena(),
                row.helpQuestions(), row.followUp(), row.additionalSupport(), row.conversations());
    }
}
