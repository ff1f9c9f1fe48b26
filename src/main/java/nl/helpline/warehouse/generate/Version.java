package nl.helpline.warehouse.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import nl.helpline.warehouse.generate.Vocabulary.Channel;
import nl.helpline.warehouse.generate.Vocabulary.FollowUp;
import nl.helpline.warehouse.generate.Vocabulary.HelpQuestion;
import nl.helpline.warehouse.generate.Vocabulary.Phenomenon;
import nl.helpline.warehouse.generate.Vocabulary.RequesterType;
import nl.helpline.warehouse.generate.Vocabulary.Status;
import nl.helpline.warehouse.generate.Vocabulary.Support;
import nl.helpline.warehouse.generate.Vocabulary.WorkDomain;

/**
 * One version of a request: what one export row states, before it is spelled out as labels.
 *
 * @param workDomain null when the row leaves it blank (always for citizens)
 * @param closed     null unless closed
 * @param followUp   null unless given
 */
record Version(
        LocalDateTime lastModified,
        Status status,
        LocalDate closed,
        Channel channel,
        RequesterType requesterType,
        WorkDomain workDomain,
        List<Phenomenon> phenomena,
        List<HelpQuestion> helpQuestions,
        FollowUp followUp,
        List<Support> support,
        Integer conversations) {

    Version {
        phenomena = List.copyOf(phenomena);
        helpQuestions = List.copyOf(helpQuestions);
        support = List.copyOf(support);
    }

    Version withLastModified(LocalDateTime value) {
        return new Version(value, status, closed, channel, requesterType, workDomain, phenomena, helpQuestions, followUp, support, conversations);
    }

    Version withRequesterType(RequesterType value) {
        return new Version(lastModified, status, closed, channel, value, workDomain, phenomena, helpQuestions, followUp, support, conversations);
    }

    Version withWorkDomain(WorkDomain value) {
        return new Version(lastModified, status, closed, channel, requesterType, value, phenomena, helpQuestions, followUp, support, conversations);
    }

    Version withConversations(Integer value) {
        return new Version(lastModified, status, closed, channel, requesterType, workDomain, phenomena, helpQuestions, followUp, support, value);
    }

    /** Closed on {@code date} with the given follow-up. */
    Version closedOn(LocalDate date, FollowUp newFollowUp, List<Support> newSupport) {
        return new Version(lastModified, Status.CLOSED, date, channel, requesterType, workDomain, phenomena, helpQuestions, newFollowUp, newSupport, conversations);
    }

    GeneratedRequest toTruth(String requestNumber, LocalDate received) {
        return new GeneratedRequest(
                requestNumber,
                lastModified,
                received,
                closed,
                status.code(),
                channel.code(),
                requesterType.code(),
                requesterType == RequesterType.CITIZEN ? "NOT_APPLICABLE" : workDomain == null ? "UNKNOWN" : workDomain.code(),
                phenomena.stream().map(Phenomenon::code).toList(),
                helpQuestions.stream().map(HelpQuestion::code).toList(),
                followUp == null ? null : followUp.code(),
                support.stream().map(Support::code).toList(),
                conversations);
    }
}
