package nl.helpline.warehouse.infographic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import nl.helpline.warehouse.report.workbook.EditorialTexts;
import nl.helpline.warehouse.report.workbook.Language;
import nl.helpline.warehouse.report.workbook.SampleReports;

/** Writes the sample release's infographic into a folder, to look at it (and for the test in a second JVM). */
public final class SampleInfographicMain {

    private SampleInfographicMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        // Optional further arguments: the languages (nl, en) to write; all by default.
        List<Language> langs = args.length > 1
                ? Arrays.stream(args, 1, args.length).map(a -> a.equals("en") ? Language.EN : Language.NL).toList()
                : List.of(Language.values());
        for (Language lang : langs) {
            Release release = Release.of(SampleReports.infographic2024H1(lang, SampleReports.RELEASE_2).doc(), SampleReports.THRESHOLD, true);
            InfographicRenderer.Output out = InfographicRenderer.render(release, EditorialTexts.load(Path.of("jobs"), lang));
            String name = "sample." + lang.locale().getLanguage();
            Files.write(dir.resolve(name + ".html"), out.html());
            Files.write(dir.resolve(name + ".pdf"), out.pdf());
        }
    }
}
