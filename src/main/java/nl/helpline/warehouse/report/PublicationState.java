package nl.helpline.warehouse.report;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What kind of publication a set of report files is, as its files, cover and document properties
 * must say. Made by the report service (which knows drafts, releases and versions), shown by the
 * document writers (which only format).
 *
 * <ul>
 *   <li>{@link Kind#DRAFT}: an internal working document ("concept"). It must say so on the cover,
 *       in the document properties and in its file name; it must not leave the organisation.</li>
 *   <li>{@link Kind#RELEASE}: version {@code version} of the period, released on
 *       {@code releasedOn}; immutable once written.</li>
 * </ul>
 *
 * @param kind         draft or release
 * @param version      the release's version (1, 2, ...); 0 for a draft
 * @param releasedOn   the day it was released; null for a draft
 * @param revisedCells ids ({@code table.CATEGORY}) of cells whose shown value differs from the
 *                     previous release of the same period (marked {@code [r]}); empty for version 1
 * @param provisional  requests received in the period are still open: the figures may change
 *                     (marked {@code [p]})
 * @param nextRelease  when the next (or final) figures for this period are expected; null if none
 */
public record PublicationState(Kind kind, int version, LocalDate releasedOn, Set<String> revisedCells,
                               boolean provisional, LocalDate nextRelease) {

    public enum Kind { DRAFT, RELEASE }

    public PublicationState {
        Objects.requireNonNull(kind, "kind");
        revisedCells = Set.copyOf(Objects.requireNonNull(revisedCells, "revisedCells"));
        if (kind == Kind.DRAFT && (version != 0 || releasedOn != null || !revisedCells.isEmpty())) {
            throw new IllegalArgumentException("a draft has no version, release date or revised cells");
        }
        if (kind == Kind.RELEASE && (version < 1 || releasedOn == null)) {
            throw new IllegalArgumentException("a release needs a version of 1 or more and a release date");
        }
    }

    public static PublicationState draft(boolean provisional, LocalDate nextRelease) {
        return new PublicationState(Kind.DRAFT, 0, null, Set.of(), provisional, nextRelease);
    }

    public boolean isDraft() {
        return kind == Kind.DRAFT;
    }
}
