package nl.helpline.warehouse.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.helpline.warehouse.infographic.CellsCsv;
import nl.helpline.warehouse.infographic.InfographicRenderer;
import nl.helpline.warehouse.infographic.Release;
import nl.helpline.warehouse.report.Period;
import nl.helpline.warehouse.report.ReportDefinition;
import nl.helpline.warehouse.report.workbook.EditorialTexts;

/**
 * {@code infographic}: the half-year infographic of a release, as PDF and HTML, drawn from the
 * release's published cells ({@code cells.csv}) and the editorial texts; it never opens the
 * warehouse, so it cannot show more than the release.
 */
final class InfographicCommand implements Command {

    @Override
    public String name() {
        return "infographic";
    }

    @Override
    public String summary() {
        return "write the infographic (PDF + HTML) of a released report from its published cells";
    }

    @Override
    public String help() {
        return """
                Usage: helpline-warehouse infographic (--period P | --cells FILE) [--definition NAME] [--lang nl|en]
                                                      [--outbox DIR] [--out DIR]

                Writes the infographic of a report as a print-ready PDF and a self-contained HTML page,
                from the published cells of a release (its .cells.csv) and the texts in jobs/texts/<lang>/.
                It reads no warehouse: what it shows is what the release publishes, withheld counts as
                "< 5" or "[c]".

                  --period P         the period (2024-H1, 2024, ...): the newest cells.csv of the definition,
                                     period and language in the outbox (a release before a draft, the highest
                                     version first)
                  --cells FILE       this cells.csv instead
                  --definition NAME  the report definition (default helpline): threshold and excluded channels
                  --lang nl|en       the language (default: the definition's; with --cells: the file's)
                  --outbox DIR       where --period looks for cells.csv files (default ./out)
                  --out DIR          where to write (default: the folder of the cells.csv)

                Writes <definition>-<P>.<lang>.concept.infographic.pdf/.html for a draft and
                <definition>-<P>.v<N>.<lang>.infographic.pdf/.html for version N of a release.
                Exit codes: 0 written, 2 usage, 3 failed (no or an invalid cells.csv: nothing written).
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        logToStandardError();
        Options options = Options.parse(name(), args, Set.of("period", "cells", "definition", "lang", "outbox", "out"), Set.of());
        if (options.string("period").isEmpty() && options.string("cells").isEmpty()) {
            throw new UsageException("'infographic' needs --period P or --cells FILE");
        }
        Period period = null;
        if (options.string("period").isPresent()) {
            try {
                period = Period.parse(options.string("period").get());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        String language = options.string("lang").orElse(null);
        if (language != null && !language.equals("nl") && !language.equals("en")) {
            throw new UsageException("--lang is nl or en, not '" + language + "'");
        }
        Path jobs = Path.of(System.getProperty("warehouse.jobs-dir", "jobs"));
        ReportDefinition definition;
        try {
            definition = ReportDefinition.load(jobs, options.string("definition", "helpline"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        boolean chatExcluded = definition.excludedChannels().contains("CHAT");

        Path cells;
        if (options.string("cells").isPresent()) {
            cells = options.path("cells").get();
            if (!Files.isRegularFile(cells)) {
                err.println("There is no file " + cells + ".");
                return ExitCode.FAILED;
            }
        } else {
            Path outbox = options.path("outbox").orElse(Path.of("out"));
            String lang = language != null ? language : definition.language();
            List<Path> found = newest(outbox, definition, period, lang, definition.threshold(), chatExcluded);
            if (found.isEmpty()) {
                err.println("No cells.csv of " + definition.name() + " for " + period.label() + " in " + lang + " in " + outbox
                        + "; write the report first (report --period " + period.label() + " --lang " + lang + ").");
                return ExitCode.FAILED;
            }
            cells = found.get(0);
        }

        Release release;
        try {
            release = CellsCsv.read(cells, definition.name(), definition.threshold(), chatExcluded);
        } catch (CellsCsv.InvalidCellsException e) {
            err.println("Cannot draw an infographic from " + cells + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
        String lang = release.lang().locale().getLanguage();
        if (language != null && !language.equals(lang)) {
            err.println(cells + " holds the " + lang + " labels, not " + language + "; write the report in " + language + " first.");
            return ExitCode.FAILED;
        }
        if (period != null && !(release.periodStart().equals(period.start()) && release.periodEnd().equals(period.end()))) {
            err.println(cells + " is the report of " + release.periodStart() + " to " + release.periodEnd() + ", not of " + period.label() + ".");
            return ExitCode.FAILED;
        }
        Period released = period != null ? period : new Period(release.periodStart() + ".." + release.periodEnd(),
                release.periodStart(), release.periodEnd());
        InfographicRenderer.Output output = InfographicRenderer.render(release,
                EditorialTexts.load(jobs, release.lang()));

        Path outDir = options.path("out").orElse(cells.toAbsolutePath().getParent());
        Files.createDirectories(outDir);
        String base = definition.name() + "-" + label(released) + "."
                + (release.publication().isDraft() ? lang + ".concept" : "v" + release.publication().version() + "." + lang)
                + ".infographic";
        Path pdf = outDir.resolve(base + ".pdf");
        Path html = outDir.resolve(base + ".html");
        write(pdf, output.pdf());
        write(html, output.html());
        out.printf("Wrote %s and %s%n", pdf, html);
        out.printf("From %s (%s)%n", cells, release.publication().isDraft() ? "draft" : "version " + release.publication().version());
        return ExitCode.OK;
    }

    /** The period's label for file names: 2024-H1 stays, a range given as dates is written 2024-01-01_2024-03-31. */
    private static String label(Period period) {
        Period known = period;
        for (String candidate : List.of(Integer.toString(period.start().getYear()),
                period.start().getYear() + "-H" + (period.start().getMonthValue() <= 6 ? 1 : 2),
                period.start().getYear() + "-Q" + ((period.start().getMonthValue() - 1) / 3 + 1))) {
            Period p = Period.parse(candidate);
            if (p.start().equals(period.start()) && p.end().equals(period.end())) {
                known = p;
            }
        }
        return known.fileLabel();
    }

    private static final Pattern VERSION = Pattern.compile("\\.v([0-9]+)\\.");

    /**
     * The cells.csv files in {@code outbox} of this definition, period and language, best first: a release
     * before a draft, a higher version before a lower, then the newer file. Names follow the report's
     * ({@code <definition>-<period>[.<anything>].cells.csv}); what a file is, is read from its content.
     */
    static List<Path> newest(Path outbox, ReportDefinition definition, Period period, String lang, int threshold,
                             boolean chatExcluded) throws IOException {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        String prefix = definition.name() + "-" + period.fileLabel();
        record Candidate(Path file, int version, long modified) {
        }
        List<Candidate> candidates = new ArrayList<>();
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".cells.csv") || !(name.startsWith(prefix + ".") || name.equals(prefix + ".cells.csv"))) {
                    continue;
                }
                Release release;
                try {
                    release = CellsCsv.read(file, definition.name(), threshold, chatExcluded);
                } catch (CellsCsv.InvalidCellsException e) {
                    continue;   // not one of ours, or damaged: the next best one is used, and reported if none
                }
                if (!release.lang().locale().getLanguage().equals(lang) || !release.periodStart().equals(period.start())
                        || !release.periodEnd().equals(period.end())) {
                    continue;
                }
                Matcher v = VERSION.matcher(name);
                int version = release.publication().version();
                if (v.find() && Integer.parseInt(v.group(1)) != version) {
                    continue;   // a file whose name and content disagree is not trusted
                }
                candidates.add(new Candidate(file, version, Files.getLastModifiedTime(file).toMillis()));
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt(Candidate::version).reversed()
                        .thenComparing(Comparator.comparingLong(Candidate::modified).reversed())
                        .thenComparing(c -> c.file().getFileName().toString()))
                .map(Candidate::file).toList();
    }

    /**
     * This command starts no Spring context, so nothing has configured logging: logback's default would
     * write every library's DEBUG lines to standard output, which carries the command's result. Logs go to
     * standard error, warnings and worse only (PDFBox's notes on the standard fonts it does not use left
     * out). A logging configuration file (the tests') is left alone.
     */
    private static void logToStandardError() {
        if (!(org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)
                || ch.qos.logback.core.joran.util.ConfigurationWatchListUtil.getMainWatchURL(context) != null) {
            return;
        }
        context.reset();
        ch.qos.logback.classic.encoder.PatternLayoutEncoder encoder = new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss} %-5level %msg%n");
        encoder.start();
        ch.qos.logback.core.ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> console = new ch.qos.logback.core.ConsoleAppender<>();
        console.setContext(context);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.WARN);
        root.addAppender(console);
        context.getLogger("org.apache.pdfbox.pdmodel.font").setLevel(ch.qos.logback.classic.Level.ERROR);
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
