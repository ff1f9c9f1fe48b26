package nl.helpline.warehouse.extract;

/**
 * The workbook cannot be read as an export. The message is a sentence for the operator (what is
 * wrong and where: part, sheet row, cell), without the file's name, which the reader adds; it
 * never quotes a cell's text.
 */
final class WorkbookException extends Exception {

    WorkbookException(String message) {
        super(message);
    }

    WorkbookException(String message, Throwable cause) {
        super(message, cause);
    }
}
