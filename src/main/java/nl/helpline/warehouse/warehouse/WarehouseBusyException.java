package nl.helpline.warehouse.warehouse;

/** Another process is working on this warehouse; runs never overlap. */
public class WarehouseBusyException extends RuntimeException {

    public WarehouseBusyException(String message) {
        super(message);
    }
}
