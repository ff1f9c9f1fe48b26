package nl.helpline.warehouse.generate;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Writes one export file row by row; nothing is kept beyond what the format needs to buffer. */
interface RowWriter extends Closeable {

    void header(List<String> headers) throws IOException;

    void row(List<Value> cells) throws IOException;
}
