package nl.helpline.warehouse.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import nl.helpline.warehouse.report.workbook.EditorialTexts;
import nl.helpline.warehouse.warehouse.SqlFiles;

/**
 * Makes one period report: true counts from the warehouse, disclosure control that takes
 * earlier publications into account, an independent audit, the workbook and its cells.csv,
 * and the entry in the publication register. A report whose audit fails is not written.
 */
public final class ReportService {

    private final Path jobsDir;
    private final PeriodCounts periodCounts;
    private final PublicationRegister register;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;

    public ReportService(Path jobsDir, DataSource dataSource, TransactionTemplate transaction) {
        this.jobsDir = jobsDir;
        this.periodCounts = new PeriodCounts(dataSource, transaction);
        this.register = new PublicationRegister(dataSource);
        this.named = new NamedParameterJdbcTemplate(dataSource);
        this.transaction = transaction;
    }

    public record Written(Path workbook, Path cells, ProtectedReport report, List<PublicationRegister.ChangedCell> changes,
                          boolean firstPublication, long publicationId) {
    }

    public Written write(String definitionName, Period period, String language, Path outDir) throws IOException {
        ReportDefinition definition = ReportDefinition.load(jobsDir, definitionName);
        String lang = language == null ? definition.language() : language;
        Map<String, PeriodCounts.TableCounts> counts = periodCounts.count(definition, period);
        ProtectedReport report = ReportProtection.protect(definition, period, counts, register.earlier(definitionName, period));
        Optional<Long> previous = register.previous(definitionName, period);
        List<PublicationRegister.ChangedCell> changes = previous.map(id -> register.changes(id, report, definition.threshold())).orElse(List.of());
        DataAsOf asOf = dataAsOf(definition, period);
        EditorialTexts texts = EditorialTexts.load(jobsDir, EditorialTexts.language(lang));

        Files.createDirectories(outDir);
        String base = definition.name() + "-" + period.fileLabel();
        Path workbook = outDir.resolve(base + ".xlsx");
        Path cells = outDir.resolve(base + ".cells.csv");
        Path tmpWorkbook = outDir.resolve("." + base + ".xlsx.tmp");
        Path tmpCells = outDir.resolve("." + base + ".cells.csv.tmp");
        try {
            ReportFiles.write(report, lang, asOf, changes, PublicationState.draft(provisional(definition, period), null), texts,
                    tmpWorkbook, tmpCells);
            String sha256 = sha256(tmpWorkbook);
            long publicationId = transaction.execute(s -> register.record(report, lang, workbook.getFileName().toString(), sha256, asOf.newestVersion()));
            Files.move(tmpWorkbook, workbook, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmpCells, cells, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Written(workbook, cells, report, changes, previous.isEmpty(), publicationId);
        } finally {
            Files.deleteIfExists(tmpWorkbook);
            Files.deleteIfExists(tmpCells);
        }
    }

    /**
     * What the report's figures stand at: the newest change to a request of its population (on the cover as
     * "data as of", and the workbook's document dates), fixed per warehouse state; and what was loaded.
     */
    public record DataAsOf(LocalDateTime newestVersion, long filesLoaded, LocalDateTime lastLoad) {
    }

    private DataAsOf dataAsOf(ReportDefinition definition, Period period) {
        return named.queryForObject(SqlFiles.load("report/data_as_of.sql"), population(definition, period), (rs, i) -> new DataAsOf(
                toLocal(rs.getTimestamp("newest_version")), rs.getLong("files_loaded"), toLocal(rs.getTimestamp("last_load"))));
    }

    /** Whether requests of the period's population are still open: its figures are then provisional ([p]). */
    public boolean provisional(ReportDefinition definition, Period period) {
        return Boolean.TRUE.equals(named.queryForObject(SqlFiles.load("report/period_open.sql"), population(definition, period),
                Boolean.class));
    }

    private static MapSqlParameterSource population(ReportDefinition definition, Period period) {
        return new MapSqlParameterSource().addValue("from", period.start()).addValue("to", period.end())
                .addValue("status", definition.populationStatus())
                .addValue("excluded_channels", String.join(",", definition.excludedChannels()));
    }

    private static LocalDateTime toLocal(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
