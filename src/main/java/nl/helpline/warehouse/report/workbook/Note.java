package nl.helpline.warehouse.report.workbook;

/**
 * A numbered note of the report, shown on the notes sheet as {@code [note n]} (Dutch: {@code [noot n]})
 * and referenced from table titles through {@link PublishedTable#noteRefs()}.
 *
 * @param number the note's number, 1 or more, unique within the report
 * @param text   the note in the report's language
 */
public record Note(int number, String text) {
    public Note {
        if (number < 1) {
            throw new IllegalArgumentException("note number must be 1 or more: " + number);
        }
        Model.requireText(text, "note text");
    }
}
