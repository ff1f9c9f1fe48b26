package nl.helpline.warehouse.report.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a zip (an xlsx) so that its bytes depend on its contents only: same entries in the same
 * order, every entry stamped with one fixed local time and no extra fields (no extended timestamps,
 * no platform attributes).
 *
 * <p>POI stamps entries with the current time. POI 5.5.1 does offer
 * {@code org.apache.poi.util.Reproducibility.runWithSourceDateEpoch}, but that flips a JVM-wide static
 * flag for the duration of the call (two reports written at once would interfere) and can only pin
 * the time to the epoch; rewriting the archive has neither problem.
 */
final class ReproducibleZip {

    /** The earliest time a zip (DOS) timestamp can hold. */
    private static final LocalDateTime DOS_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private ReproducibleZip() {
    }

    static byte[] rewrite(byte[] zip, LocalDateTime entryTime) throws IOException {
        LocalDateTime time = entryTime.isBefore(DOS_EPOCH) ? DOS_EPOCH : entryTime.withNano(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length + 1024);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(9);
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                ZipEntry copy = new ZipEntry(entry.getName());
                // Local date-time, not an instant: the DOS time written does not depend on the JVM's time zone.
                copy.setTimeLocal(time);
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
