package nl.helpline.warehouse.extract;

/** The file as a whole cannot be read as an export (e.g. a required column is missing). */
public class FileRejectedException extends Exception {

    public FileRejectedException(String reason) {
        super(reason);
    }

    public FileRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
