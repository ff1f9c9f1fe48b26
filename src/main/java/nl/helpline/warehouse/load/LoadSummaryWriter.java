package nl.helpline.warehouse.load;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** The run summary: a screen for people, JSON for machines (the shape is part of the contract with operations). */
public final class LoadSummaryWriter {

    private static final int REJECTS_ON_SCREEN = 5;

    private LoadSummaryWriter() {
    }

    public static void print(LoadSummary summary, PrintStream out) {
        out.println();
        out.printf("%-40s %-10s %10s %10s %10s %10s%n", "file", "status", "read", "loaded", "superseded", "rejected");
        for (FileOutcome f : summary.files()) {
            out.printf("%-40s %-10s %10d %10d %10d %10d%n", abbreviate(f.name()), f.status().code(),
                    f.rowsRead(), f.loaded(), f.superseded(), f.rejected());
            if (f.reason() != null && f.status() != FileStatus.LOADED) {
                out.println("    " + f.reason());
            }
            f.rejects().stream().limit(REJECTS_ON_SCREEN).forEach(r ->
                    out.printf("    line %d%s: %s%n", r.line(), r.column() == null ? "" : ", column " + r.column(), r.reason()));
            if (f.rejects().size() > REJECTS_ON_SCREEN) {
                out.printf("    ... and %d more rejected rows (see --summary or etl.reject)%n", f.rejects().size() - REJECTS_ON_SCREEN);
            }
            if (f.professionalsWithoutWorkDomain() > 0) {
                out.printf("    %d professionals without Werkterrein, loaded as work domain UNKNOWN%n", f.professionalsWithoutWorkDomain());
            }
        }
        LoadSummary.Totals t = summary.totals();
        out.printf("%-40s %-10s %10d %10d %10d %10d%n", "total", "", t.rowsRead(), t.loaded(), t.superseded(), t.rejected());
        out.printf("files: %d loaded, %d duplicate, %d rejected, %d ignored%n",
                t.filesLoaded(), t.filesDuplicate(), t.filesRejected(), t.filesIgnored());
    }

    private static String abbreviate(String name) {
        return name.length() <= 40 ? name : "…" + name.substring(name.length() - 39);
    }

    /** Written with the streaming generator: the rejects list can be long. */
    public static void writeJson(LoadSummary summary, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator json = JsonMapper.shared().createGenerator(out, JsonEncoding.UTF8)) {
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
            json.writeEndObject();
            json.writeEndObject();
        }
    }
}
