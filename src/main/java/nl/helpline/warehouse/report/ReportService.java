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

import nl.helpline.warehouse.disclosure.DisclosureViolationException;
import nl.helpline.warehouse.report.workbook.EditorialTexts;
import nl.helpline.warehouse.warehouse.SqlFiles;

/**
 * Makes one period report: true counts from the warehouse, disclosure control that takes
 * earlier publications into account, an independent audit, the workbook and its cells.csv,
 * and the entry in the publication register. A report whose audit fails is not written.
 */
public final class ReportService {

    private final Path jobsDir;
    private final DataSource dataSource;
    private final PeriodCounts periodCounts;
    private final PublicationRegister register;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;

    public ReportService(Path jobsDir, DataSource dataSource, TransactionTemplate transaction) {
        this.jobsDir = jobsDir;
        this.dataSource = dataSource;
        this.periodCounts = new PeriodCounts(dataSource, transaction);
        this.register = new PublicationRegister(dataSource);
        this.named = new NamedParameterJdbcTemplate(dataSource);
        this.transaction = transaction;
    }

    public record Written(Path workbook, Path cells, ProtectedReport report, List<PublicationRegister.ChangedCell> changes,
                          boolean firstPublication, long publicationId) {
    }

    /**
     * A report made ready to write: its protected cells, and what it rests on. Made inside the
     * caller's transaction, so counts, members and the releases it is protected against are one
     * state of the warehouse.
     */
    public record Prepared(ReportDefinition definition, Period period, ProtectedReport report, Members members,
                           DataAsOf asOf, boolean provisional) {
    }

    /**
     * Counts the period, and protects it against one joint model of everything released (all
     * definitions, periods and versions that share a request with it). Drafts are not part of
     * that model: they constrain nothing.
     *
     * @throws nl.helpline.warehouse.disclosure.DisclosureViolationException when it cannot be protected
     */
    public Prepared prepare(String definitionName, Period period) throws IOException {
        return prepare(definitionName, period, List.of());
    }

    /** @param recode the tables whose declared recoding (the definition's {@code recode:}) applies */
    public Prepared prepare(String definitionName, Period period, List<String> recode) throws IOException {
        ReportDefinition definition = ReportDefinition.load(jobsDir, definitionName).recoded(recode);
        Members members = Members.of(dataSource, definition, period);
        ReleasedModel released = ReleasedModel.around(dataSource, members);
        try {
            return new Prepared(definition, period, protect(definition, period, members, released), members,
                    dataAsOf(definition, period), provisional(definition, period));
        } catch (DisclosureViolationException e) {
            throw refusal(definition, period, released, e);
        } catch (ReportProtection.TimedOut e) {
            throw new ReportRefusedException(definition.name() + " " + period.label() + " cannot be published: " + e.getMessage()
                    + " (joint model of " + released.releases().size() + " releases in " + released.pieces().size()
                    + " pieces). Raise -Dwarehouse.protection.seconds, or release fewer overlapping periods.", List.of(), List.of());
        }
    }

    private ProtectedReport protect(ReportDefinition definition, Period period, Members members, ReleasedModel released) {
        Map<String, PeriodCounts.TableCounts> counts = Recodings.apply(definition, periodCounts.count(definition, period), members);
        return ReportProtection.protect(definition, period, counts, members, released);
    }

    /** Whether the report can be protected as given (a trial for the alternatives a refusal offers). */
    private boolean protects(ReportDefinition definition, Period period) {
        try {
            Members members = Members.of(dataSource, definition, period);
            protect(definition, period, members, ReleasedModel.around(dataSource, members));
            return true;
        } catch (DisclosureViolationException | IllegalArgumentException | ReportProtection.TimedOut e) {
            return false;
        }
    }

    /**
     * Why a report cannot be protected, in words a reader of the message may see: the cells by
     * name (never a count), and what would work instead: a declared recoding of the definition
     * (each table's alone, then all together), or a coarser period.
     */
    /** The dimension of a cell of the reader's system: table.CATEGORY, or a piece's dimension[requires].CATEGORY. */
    private static String dimensionOf(ReportDefinition definition, String cellId) {
        String cell = cellId.substring(cellId.indexOf(':') + 1);
        String head = cell.substring(0, cell.indexOf('.') < 0 ? cell.length() : cell.indexOf('.'));
        int bracket = head.indexOf('[');
        String name = bracket < 0 ? head : head.substring(0, bracket);
        return definition.tables().stream().filter(t -> t.id().equals(name)).findFirst()
                .map(ReportDefinition.TableDefinition::dimension).orElse(name);
    }

    private ReportRefusedException refusal(ReportDefinition definition, Period period, ReleasedModel released,
                                           DisclosureViolationException e) {
        String label = definition.name() + " " + period.label();
        java.util.Set<String> cells = new java.util.LinkedHashSet<>();
        java.util.Set<String> dimensions = new java.util.HashSet<>();
        for (nl.helpline.warehouse.disclosure.AuditReport.Violation v : e.report().violations()) {
            if (!v.cellIds().isEmpty()) {
                cells.add(released.describe(v.cellIds().get(0), "this report"));
                dimensions.add(dimensionOf(definition, v.cellIds().get(0)));
            }
        }
        List<String> alternatives = new java.util.ArrayList<>();
        // Recoding a table changes only its own rows: it can help only where every cell that gave
        // way lies in a recodable table (a total that gives way, say, is beyond it).
        List<String> recodable = definition.tables().stream()
                .filter(t -> t.recodable() != null && !t.recoded() && dimensions.contains(t.dimension()))
                .map(ReportDefinition.TableDefinition::id).toList();
        boolean recodingCanHelp = definition.tables().stream().filter(t -> t.recodable() != null)
                .map(ReportDefinition.TableDefinition::dimension).collect(java.util.stream.Collectors.toSet()).containsAll(dimensions);
        if (!recodingCanHelp) {
            recodable = List.of();
        }
        List<List<String>> trials = new java.util.ArrayList<>();
        recodable.forEach(t -> trials.add(java.util.stream.Stream.concat(definition.recodedTables().stream(), java.util.stream.Stream.of(t)).toList()));
        if (recodable.size() > 1) {
            trials.add(java.util.stream.Stream.concat(definition.recodedTables().stream(), recodable.stream()).toList());
        }
        for (List<String> trial : trials) {
            if (protects(definition.recoded(trial), period)) {
                alternatives.add("recoding " + String.join(" and ", trial) + " can be protected (--recode " + String.join(",", trial) + ")");
                break;
            }
        }
        for (Period coarser : period.coarser()) {
            if (protects(definition, coarser)) {
                alternatives.add("the coarser period " + coarser.label() + " can be protected");
                break;
            }
        }
        List<String> named = cells.stream().limit(6).toList();
        String message = label + " cannot be protected: even with every eligible cell suppressed, a reader holding it and every release"
                + " could work out " + (named.size() == 1 ? "a small count: " : "small counts: ") + String.join("; ", named)
                + (cells.size() > named.size() ? "; and " + (cells.size() - named.size()) + " more" : "") + "."
                + (alternatives.isEmpty() ? " Neither a declared recoding nor a coarser period can be protected; wait for more requests."
                        : " Instead: " + String.join("; ", alternatives) + ".");
        return new ReportRefusedException(message, List.copyOf(cells), alternatives);
    }

    /** The outbox names of a report's files: drafts say "concept", releases their version. */
    public static String baseName(ReportDefinition definition, Period period, String language, int version) {
        String base = definition.name() + "-" + period.fileLabel();
        return version == 0 ? base + "." + language + ".concept" : base + ".v" + version + "." + language;
    }

    /**
     * Writes a draft: an internal working document, protected against every release but
     * constraining nothing. Registered as a draft; its files reach the outbox only after the
     * register holds it ({@link Outbox}).
     */
    public Written write(String definitionName, Period period, String language, Path outDir) throws IOException {
        return write(definitionName, period, language, List.of(), outDir);
    }

    public Written write(String definitionName, Period period, String language, List<String> recode, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Outbox outbox = new Outbox(outDir);
        outbox.recover(register::holds);
        ReportDefinition definition = ReportDefinition.load(jobsDir, definitionName);
        String lang = language == null ? definition.language() : language;
        EditorialTexts texts = EditorialTexts.load(jobsDir, EditorialTexts.language(lang));
        String base = baseName(definition, period, lang, 0);
        Outbox.Staged files = outbox.stage(List.of(base + ".xlsx", base + ".cells.csv"));
        Written written;
        try {
            written = transaction.execute(s -> {
                try {
                    Prepared prepared = prepare(definitionName, period, recode);
                    Optional<Long> previous = register.previous(definitionName, period);
                    List<PublicationRegister.ChangedCell> changes = previous.map(id -> register.changes(id, prepared.report(),
                            prepared.definition().threshold())).orElse(List.of());
                    ReportFiles.write(prepared.report(), lang, prepared.asOf(), changes,
                            PublicationState.draft(prepared.provisional(), null), texts, files.staged(0), files.staged(1));
                    long publicationId = register.record(prepared.report(), lang, base + ".xlsx", files.sha256(0),
                            base + ".cells.csv", files.sha256(1), prepared.asOf().newestVersion());
                    return new Written(files.target(0), files.target(1), prepared.report(), changes, previous.isEmpty(), publicationId);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (RuntimeException e) {
            files.discard();
            if (e instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
        files.publish();
        return written;
    }

    /**
     * What the report's figures stand at: the newest change to a request of its population (on the cover as
     * "data as of", and the workbook's document dates), fixed per warehouse state; and what was loaded.
     */
    public record DataAsOf(LocalDateTime newestVersion, long filesLoaded, LocalDateTime lastLoad) {
    }

    public DataAsOf dataAsOf(ReportDefinition definition, Period period) {
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

    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
