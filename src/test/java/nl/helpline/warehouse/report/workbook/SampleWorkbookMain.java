package nl.helpline.warehouse.report.workbook;

import java.nio.file.Path;

/**
 * Writes the sample reports into a folder: used by the reproducibility test (in a second JVM with
 * another default locale, time zone and file encoding) and to render a sample by hand.
 */
public final class SampleWorkbookMain {

    private SampleWorkbookMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        for (Language lang : Language.values()) {
            for (SampleReports.Sample sample : java.util.List.of(SampleReports.infographic2024H1(lang), SampleReports.national(lang))) {
                String base = sample.doc().definitionName() + "-" + sample.doc().period() + "." + lang.name().toLowerCase(java.util.Locale.ROOT);
                WorkbookWriter.write(sample.doc(), SampleReports.THRESHOLD, dir.resolve(base + ".xlsx"));
                CellsCsvWriter.write(sample.doc(), SampleReports.THRESHOLD, dir.resolve(base + ".cells.csv"));
            }
        }
    }
}
