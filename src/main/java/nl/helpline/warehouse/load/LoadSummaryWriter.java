package nl.helpline.warehouse.load;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run summary: a screen for people, JSON for machines (the shape is part of the contract with
 * operations). Both are bounded whatever the input: at most {@link LoadRunner#REJECTS_PER_FILE}
 * rejected rows per file, and a count of the rest. Names and reasons are printed escaped, so a
 * file name cannot forge a line.
 */
public final class LoadSummaryWriter {

    private static final int REJECTS_ON_SCREEN = 5;

    private LoadSummaryWriter() {
    }

    public static void print(LoadSummary summary, PrintStream out) {
        out.println();
        out.printf("%-40s %-10s %10s %10s %10s %10s%n", "file", "status", "read", "loaded", "superseded", "rejected");
        for (FileOutcome f : summary.files()) {
            out.printf("%-40s %-10s %10d %10d %10d %10d%n", abbreviate(FileNames.oneLine(f.name())), f.status().code(),
                    f.rowsRead(), f.loaded(), f.superseded(), f.rejected());
            if (f.reason() != null && f.status() != FileStatus.LOADED) {
                out.println("    " + FileNames.oneLine(f.reason()));
            }
            if (f.status() == FileStatus.REJECTED && f.archivedTo() != null) {
                out.println("    moved to " + FileNames.oneLine(f.archivedTo()));
            }
            if (f.archiveProblem() != null) {
                out.println("    NOT ARCHIVED AS PLANNED: " + FileNames.oneLine(f.archiveProblem()));
            }
            f.rejects().stream().limit(REJECTS_ON_SCREEN).forEach(r ->
                    out.printf("    line %d%s: %s%n", r.line(), r.column() == null ? "" : ", column " + FileNames.oneLine(r.column()),
                            FileNames.oneLine(r.reason())));
            long more = f.rejected() - Math.min(REJECTS_ON_SCREEN, f.rejects().size());
            if (more > 0) {
                out.printf("    ... and %d more rejected rows (the first %d are in --summary, all of them in etl.reject)%n",
                        more, LoadRunner.REJECTS_PER_FILE);
            }
            if (f.professionalsWithoutWorkDomain() > 0) {
                out.printf("    %d professionals without Werkterrein, loaded as work domain UNKNOWN%n", f.professionalsWithoutWorkDomain());
            }
        }
        LoadSummary.Totals t = summary.totals();
        out.printf("%-40s %-10s %10d %10d %10d %10d%n", "total", "", t.rowsRead(), t.loaded(), t.superseded(), t.rejected());
        out.printf("files: %d loaded, %d duplicate, %d rejected, %d ignored, %d waiting%n",
                t.filesLoaded(), t.filesDuplicate(), t.filesRejected(), t.filesIgnored(), t.filesWaiting());
    }

    private static String abbreviate(String name) {
        return name.length() <= 40 ? name : "…" + name.substring(name.length() - 39);
    }

    /** Written with the streaming generator; the parent folders are created. */
    public static void writeJson(LoadSummary summary, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            writeJson(summary, out);
        }
    }

    /** The same JSON on a stream that stays open (standard output for {@code --summary -}), ending with a newline. */
    public static void writeJson(LoadSummary summary, OutputStream stream) throws IOException {
        OutputStream out = new FilterOutputStream(stream) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                this.out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        try (JsonGenerator json = JsonMapper.shared().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeNumberProperty("jobExecutionId", summary.jobExecutionId());
            json.writeArrayPropertyStart("files");
            for (FileOutcome f : summary.files()) {
                json.writeStartObject();
                json.writeStringProperty("name", f.name());
                json.writeStringProperty("sha256", f.sha256());
                json.writeStringProperty("status", f.status().code());
                json.writeNumberProperty("rowsRead", f.rowsRead());
                json.writeNumberProperty("loaded", f.loaded());
                json.writeNumberProperty("superseded", f.superseded());
                json.writeNumberProperty("rejected", f.rejected());
                if (f.reason() != null) {
                    json.writeStringProperty("reason", f.reason());
                }
                if (f.archivedTo() != null) {
                    json.writeStringProperty("archivedTo", f.archivedTo());
                }
                if (f.archiveProblem() != null) {
                    json.writeStringProperty("archiveProblem", f.archiveProblem());
                }
                json.writeNumberProperty("professionalsWithoutWorkDomain", f.professionalsWithoutWorkDomain());
                json.writeArrayPropertyStart("ignoredColumns");
                for (String c : f.ignoredColumns()) {
                    json.writeString(c);
                }
                json.writeEndArray();
                json.writeArrayPropertyStart("rejects");
                for (FileOutcome.RejectLine r : f.rejects()) {
                    json.writeStartObject();
                    json.writeNumberProperty("line", r.line());
                    json.writeStringProperty("column", r.column());
                    json.writeStringProperty("reason", r.reason());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeNumberProperty("rejectsNotListed", f.rejectsNotListed());
                json.writeEndObject();
            }
            json.writeEndArray();
            LoadSummary.Totals t = summary.totals();
            json.writeObjectPropertyStart("totals");
            json.writeNumberProperty("rowsRead", t.rowsRead());
            json.writeNumberProperty("loaded", t.loaded());
            json.writeNumberProperty("superseded", t.superseded());
            json.writeNumberProperty("rejected", t.rejected());
            json.writeNumberProperty("filesLoaded", t.filesLoaded());
            json.writeNumberProperty("filesDuplicate", t.filesDuplicate());
            json.writeNumberProperty("filesRejected", t.filesRejected());
            json.writeNumberProperty("filesIgnored", t.filesIgnored());
            json.writeNumberProperty("filesWaiting", t.filesWaiting());
            json.writeEndObject();
            json.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }
}
