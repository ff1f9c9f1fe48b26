package nl.helpline.warehouse.extract;

/** Counts what a reader passes on, keeping nothing: for files too large to collect. */
final class CountingSink implements RowSink {

    long accepted;
    long rejected;

    @Override
    public void accept(ExportRow row) {
        accepted++;
    }

    @Override
    public void reject(RowReject reject) {
        rejected++;
    }
}
