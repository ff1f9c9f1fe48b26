package nl.helpline.warehouse.extract;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything a reader passes on, for assertions. */
final class CollectingSink implements RowSink {

    final List<ExportRow> rows = new ArrayList<>();
    final List<RowReject> rejects = new ArrayList<>();

    @Override
    public void accept(ExportRow row) {
        rows.add(row);
    }

    @Override
    public void reject(RowReject reject) {
        rejects.add(reject);
    }

    RowReject onlyReject() {
        if (rejects.size() != 1 || !rows.isEmpty()) {
            throw new AssertionError("expected exactly one reject, got " + rejects + " and rows " + rows);
        }
        return rejects.get(0);
    }

    ExportRow onlyRow() {
        if (rows.size() != 1 || !rejects.isEmpty()) {
            throw new AssertionError("expected exactly one row, got " + rows + " and rejects " + rejects);
        }
        return rows.get(0);
    }
}
