package nl.helpline.warehouse.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.helpline.warehouse.extract.ExportRow;
import nl.helpline.warehouse.extract.RowReject;
import nl.helpline.warehouse.extract.RowSink;
import nl.helpline.warehouse.warehouse.Pseudonymizer;
import nl.helpline.warehouse.warehouse.SqlFiles;

/**
 * Streams the valid rows of one file into {@code staging.request_row} with COPY while the file
 * is being read, pseudonymising the request number on the way (the clear number never
 * reaches the database) and resolving codes to the dimensions' keys ({@link DimensionKeys}). Rejects go to a spool file and are copied into {@code etl.reject}
 * afterwards (one connection can run only one COPY at a time).
 */
final class StagingWriter implements RowSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StagingWriter.class);
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final PGConnection connection;
    private final long fileId;
    private final String fileName;
    private final Pseudonymizer pseudonymizer;
    private final DimensionKeys keys;
    private final PGCopyOutputStream copy;
    private final Writer staging;
    private final Path rejectSpool;
    private final Writer rejects;
    private final CopyText text = new CopyText();
    private final long startedAt = System.nanoTime();
    private long lastProgressAt = startedAt;

    private long accepted;
    private long rejected;
    private long professionalsWithoutWorkDomain;

    StagingWriter(PGConnection connection, long fileId, String fileName, Pseudonymizer pseudonymizer) throws SQLException, IOException {
        this.connection = connection;
        this.fileId = fileId;
        this.fileName = fileName;
        this.pseudonymizer = pseudonymizer;
        // The driver's connection is a java.sql.Connection too: the keys are read in the file's transaction.
        this.keys = DimensionKeys.load((java.sql.Connection) connection);
        this.copy = new PGCopyOutputStream(connection, SqlFiles.load("load/copy_staging.sql").strip(), 1 << 16);
        this.staging = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
        this.rejectSpool = Files.createTempFile("helpline-rejects-", ".copy");
        this.rejects = Files.newBufferedWriter(rejectSpool, StandardCharsets.UTF_8);
    }

    @Override
    public void accept(ExportRow row) {
        String outside = keys.outsideCalendar(row.received());
        if (outside != null) {
            reject(new RowReject(row.line(), "Datum binnenkomst", row.received().toString(), "Datum binnenkomst " + row.received() + " " + outside));
            return;
        }
        outside = keys.outsideCalendar(row.closed());
        if (outside != null) {
            reject(new RowReject(row.line(), "Datum afgesloten", row.closed().toString(), "Datum afgesloten " + row.closed() + " " + outside));
            return;
        }
        String line = text.start()
                .value(fileId)
                .value(row.line())
                .bytea(pseudonymizer.pseudonym(row.requestNumber()))
                .value(row.lastModified())
                .value(row.status())
                .value(keys.status(row.status()))
                .value(keys.receivedDate(row.received()))
                .value(keys.closedDate(row.closed()))
                .value(keys.channel(row.channel()))
                .value(keys.requester(row.requesterType(), row.workDomain()))
                .value(keys.followUp(row.followUp(), row.status()))
                .value(row.conversations())
                .value(row.closed() == null ? null : ChronoUnit.DAYS.between(row.received(), row.closed()))
                .keys(keys.phenomena(row.phenomena()))
                .keys(keys.helpQuestions(row.helpQuestions()))
                .keys(keys.support(row.additionalSupport()))
                .end();
        write(staging, line);
        accepted++;
        if ("PROFESSIONAL".equals(row.requesterType()) && "UNKNOWN".equals(row.workDomain())) {
            professionalsWithoutWorkDomain++;
        }
        progress();
    }

    @Override
    public void reject(RowReject reject) {
        write(rejects, text.start()
                .value(fileId)
                .value(reject.line())
                .value(reject.column())
                .value(reject.value())
                .value(reject.reason())
                .end());
        rejected++;
        progress();
    }

    private void progress() {
        if (((accepted + rejected) & 0x3FFF) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastProgressAt >= PROGRESS_EVERY_NANOS) {
            lastProgressAt = now;
            long rows = accepted + rejected;
            double seconds = (now - startedAt) / 1e9;
            log.info("{}: {} rows read ({} rows/s)", fileName, rows, Math.round(rows / seconds));
        }
    }

    /** Ends the staging COPY and copies the spooled rejects; returns the rows PostgreSQL staged. */
    long finish() throws IOException, SQLException {
        staging.flush();
        long staged = copy.endCopy();
        rejects.close();
        try (var reader = Files.newBufferedReader(rejectSpool, StandardCharsets.UTF_8)) {
            long copied = connection.getCopyAPI().copyIn(SqlFiles.load("load/copy_rejects.sql").strip(), reader);
            if (copied != rejected) {
                throw new IllegalStateException("Reconciliation failed for " + fileName + ": " + rejected
                        + " rows rejected but " + copied + " reject records written");
            }
        }
        return staged;
    }

    long accepted() {
        return accepted;
    }

    long rejected() {
        return rejected;
    }

    long professionalsWithoutWorkDomain() {
        return professionalsWithoutWorkDomain;
    }

    private static void write(Writer writer, String line) {
        try {
            writer.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            log.debug("Cancelling the staging COPY failed", e);
        } finally {
            rejects.close();
            Files.deleteIfExists(rejectSpool);
        }
    }
}
