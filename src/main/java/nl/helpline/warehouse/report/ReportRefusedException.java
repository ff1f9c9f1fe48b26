package nl.helpline.warehouse.report;

import java.util.List;

/**
 * A report (draft or release) that cannot be protected: nothing is written, nothing registered.
 * The message names the cells in the reader's words and says what would work instead, and never
 * holds a true count: it is printed on screen and in logs.
 */
public class ReportRefusedException extends RuntimeException {

    private final List<String> cells;
    private final List<String> alternatives;

    public ReportRefusedException(String message, List<String> cells, List<String> alternatives) {
        super(message);
        this.cells = List.copyOf(cells);
        this.alternatives = List.copyOf(alternatives);
    }

    /** The cells that could not be protected, named as a reader would find them. */
    public List<String> cells() {
        return cells;
    }

    /** What would work instead (a coarser period, a recoding), as sentences. */
    public List<String> alternatives() {
        return alternatives;
    }
}
