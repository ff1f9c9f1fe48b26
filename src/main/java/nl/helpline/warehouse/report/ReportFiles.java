package nl.helpline.warehouse.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes the workbook and cells.csv of a protected report (wired to the workbook writers). */
final class ReportFiles {

    private ReportFiles() {
    }

    static void write(ProtectedReport report, String language, ReportService.DataAsOf asOf,
                      List<PublicationRegister.ChangedCell> changes, Path workbook, Path cells) throws IOException {
        throw new UnsupportedOperationException("the workbook writer is being merged");
    }
}
