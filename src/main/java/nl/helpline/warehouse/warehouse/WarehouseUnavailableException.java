package nl.helpline.warehouse.warehouse;

/** The warehouse cannot be opened as configured; the message says what to change. */
public class WarehouseUnavailableException extends RuntimeException {

    public WarehouseUnavailableException(String message) {
        super(message);
    }

    public WarehouseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
