package nl.helpline.warehouse.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What to generate. The same spec always produces the same bytes.
 *
 * @param requests      how many real requests (the truth has exactly this many); 0 gives header-only files
 * @param from          first possible {@code Datum binnenkomst}
 * @param to            last possible {@code Datum binnenkomst}; also the moment of export: versions
 *                      after the end of this day have not happened yet, so late requests are still open
 * @param seed          any number; different seeds give different, equally plausible exports
 * @param formats       format per file, repeated cyclically: {@code [CSV]} makes every file CSV,
 *                      {@code [CSV, CSV, CSV, XLSX]} makes the fourth file a workbook
 * @param files         how many export files the versions are spread over (delivery order = file order)
 * @param badRowRate    after each valid row, the chance that a contract-violating row follows (0 = none)
 * @param versionRate   share of requests exported in more than one version
 * @param withdrawnRate share of requests that end {@code Vervallen}
 * @param csvDialects   dialect per CSV file, repeated cyclically over the CSV files
 */
public record GeneratorSpec(
        long requests,
        LocalDate from,
        LocalDate to,
        long seed,
        List<ExportFormat> formats,
        int files,
        double badRowRate,
        double versionRate,
        double withdrawnRate,
        List<CsvDialect> csvDialects) {

    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_FILES = 3;
    public static final double DEFAULT_VERSION_RATE = 0.2;
    public static final double DEFAULT_WITHDRAWN_RATE = 0.02;

    public GeneratorSpec {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        formats = List.copyOf(formats);
        csvDialects = List.copyOf(csvDialects);
        if (requests < 0) {
            throw new IllegalArgumentException("requests must be >= 0, not " + requests);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        if (files < 1) {
            throw new IllegalArgumentException("files must be >= 1, not " + files);
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("formats must name at least one format");
        }
        if (csvDialects.isEmpty()) {
            throw new IllegalArgumentException("csvDialects must name at least one dialect");
        }
        requireRate("badRowRate", badRowRate);
        requireRate("versionRate", versionRate);
        requireRate("withdrawnRate", withdrawnRate);
    }

    /** Defaults: seed 42, 3 CSV files in {@link CsvDialect#EXCEL_NL}, no bad rows, 20% versioned, 2% withdrawn. */
    public static GeneratorSpec of(long requests, LocalDate from, LocalDate to) {
        return new GeneratorSpec(requests, from, to, DEFAULT_SEED, List.of(ExportFormat.CSV), DEFAULT_FILES,
                0.0, DEFAULT_VERSION_RATE, DEFAULT_WITHDRAWN_RATE, List.of(CsvDialect.EXCEL_NL));
    }

    /** The format of file {@code fileIndex} (0-based). */
    public ExportFormat formatOf(int fileIndex) {
        return formats.get(fileIndex % formats.size());
    }

    /** The dialect of file {@code fileIndex} (0-based), which must be a CSV file. */
    public CsvDialect dialectOf(int fileIndex) {
        int csvBefore = 0;
        for (int i = 0; i < fileIndex; i++) {
            if (formatOf(i) == ExportFormat.CSV) {
                csvBefore++;
            }
        }
        return csvDialects.get(csvBefore % csvDialects.size());
    }

    public GeneratorSpec withRequests(long newRequests) {
        return new GeneratorSpec(newRequests, from, to, seed, formats, files, badRowRate, versionRate, withdrawnRate, csvDialects);
    }

    public GeneratorSpec withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new GeneratorSpec(requests, newFrom, newTo, seed, formats, files, badRowRate, versionRate, withdrawnRate, csvDialects);
    }

    public GeneratorSpec withSeed(long newSeed) {
        return new GeneratorSpec(requests, from, to, newSeed, formats, files, badRowRate, versionRate, withdrawnRate, csvDialects);
    }

    /** Every file in one format. */
    public GeneratorSpec withFormat(ExportFormat format) {
        return withFormats(List.of(format));
    }

    public GeneratorSpec withFormats(List<ExportFormat> newFormats) {
        return new GeneratorSpec(requests, from, to, seed, newFormats, files, badRowRate, versionRate, withdrawnRate, csvDialects);
    }

    public GeneratorSpec withFiles(int newFiles) {
        return new GeneratorSpec(requests, from, to, seed, formats, newFiles, badRowRate, versionRate, withdrawnRate, csvDialects);
    }

    public GeneratorSpec withBadRowRate(double rate) {
        return new GeneratorSpec(requests, from, to, seed, formats, files, rate, versionRate, withdrawnRate, csvDialects);
    }

    public GeneratorSpec withVersionRate(double rate) {
        return new GeneratorSpec(requests, from, to, seed, formats, files, badRowRate, rate, withdrawnRate, csvDialects);
    }

    public GeneratorSpec withWithdrawnRate(double rate) {
        return new GeneratorSpec(requests, from, to, seed, formats, files, badRowRate, versionRate, rate, csvDialects);
    }

    /** Every CSV file in one dialect. */
    public GeneratorSpec withCsvDialect(CsvDialect dialect) {
        return withCsvDialects(List.of(dialect));
    }

    public GeneratorSpec withCsvDialects(List<CsvDialect> dialects) {
        return new GeneratorSpec(requests, from, to, seed, formats, files, badRowRate, versionRate, withdrawnRate, dialects);
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, not " + rate);
        }
    }
}
