package nl.helpline.warehouse.extract;

/** Receives the rows of one export file as they are read, so no file is ever held in memory. */
public interface RowSink {

    void accept(ExportRow row);

    void reject(RowReject reject);
}
