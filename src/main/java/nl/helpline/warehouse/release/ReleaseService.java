package nl.helpline.warehouse.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.transaction.support.TransactionTemplate;

import nl.helpline.warehouse.report.Outbox;
import nl.helpline.warehouse.report.Period;
import nl.helpline.warehouse.report.PublicationRegister;
import nl.helpline.warehouse.report.PublicationState;
import nl.helpline.warehouse.report.ReportFiles;
import nl.helpline.warehouse.report.ReportRefusedException;
import nl.helpline.warehouse.report.ReportService;
import nl.helpline.warehouse.report.workbook.EditorialTexts;

/**
 * Releases a period: the explicit act that publishes a report outside the organisation. The
 * report is protected against one joint model of everything released before (every definition,
 * period and version that shares a request with it, report/ReleasedModel.java), audited, written
 * in Dutch and English, and registered with when, by whom, the files' hashes, the data state and
 * its members, immutably. A second release of a period is its next version: the cells that read
 * differently carry [r], and the requests it added, withdrew or moved are pieces of the model,
 * protected like any never-published count. A release that cannot be protected is refused and
 * leaves everything as it was.
 */
public final class ReleaseService {

    /** Every release is written in both languages the editorial texts exist in. */
    static final List<String> LANGUAGES = List.of("nl", "en");

    private final Path jobsDir;
    private final ReportService reports;
    private final ReleaseRegister register;
    private final TransactionTemplate transaction;

    public ReleaseService(Path jobsDir, DataSource dataSource, TransactionTemplate transaction) {
        this.jobsDir = jobsDir;
        this.reports = new ReportService(jobsDir, dataSource, transaction);
        this.register = new ReleaseRegister(dataSource);
        this.transaction = transaction;
    }

    /**
     * @param files      the workbook and cells.csv of each language, in the outbox
     * @param revised    the cells that read differently from the previous version (empty for version 1)
     */
    public record Released(long releaseId, int version, List<Path> files, nl.helpline.warehouse.report.ProtectedReport report,
                           List<PublicationRegister.ChangedCell> revised, List<String> linked) {
    }

    /**
     * @throws ReleaseRefusedException when it cannot be protected; nothing is written or registered then
     */
    public Released release(String definitionName, Period period, String releasedBy, Path outDir) throws IOException {
        return release(definitionName, period, List.of(), releasedBy, outDir);
    }

    /** @param recode the tables whose declared recoding applies ({@code release --recode}) */
    public Released release(String definitionName, Period period, List<String> recode, String releasedBy, Path outDir)
            throws IOException {
        Files.createDirectories(outDir);
        Outbox outbox = new Outbox(outDir);
        outbox.recover(register::holds);
        Map<String, EditorialTexts> texts = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            texts.put(lang, EditorialTexts.load(jobsDir, EditorialTexts.language(lang)));
        }
        List<Outbox.Staged> staged = new ArrayList<>();
        Released released;
        try {
            released = transaction.execute(status -> {
                try {
                    ReportService.Prepared prepared = reports.prepare(definitionName, period, recode);
                    ReleaseRegister.Version version = register.nextVersion(definitionName, period);
                    List<PublicationRegister.ChangedCell> changes = version.previous() == null ? List.of()
                            : register.changes(version.previous(), prepared.report(), prepared.definition().threshold());
                    Set<String> revised = new LinkedHashSet<>();
                    changes.forEach(c -> revised.add(c.table() + "." + c.category()));
                    PublicationState state = new PublicationState(PublicationState.Kind.RELEASE, version.number(), LocalDate.now(),
                            revised, prepared.provisional(), null);
                    long releaseId = register.record(prepared, version.number(), releasedBy, revised);
                    List<Path> files = new ArrayList<>();
                    for (String lang : LANGUAGES) {
                        String base = ReportService.baseName(prepared.definition(), period, lang, version.number());
                        Outbox.Staged s = outbox.stage(List.of(base + ".xlsx", base + ".cells.csv"));
                        staged.add(s);
                        if (Files.exists(s.target(0)) || Files.exists(s.target(1))) {
                            throw new IllegalStateException("the outbox already holds " + s.target(0).getFileName()
                                    + ": a release is never overwritten; move the file away if it is not what the register says");
                        }
                        ReportFiles.write(prepared.report(), lang, prepared.asOf(), changes, state, texts.get(lang), s.staged(0), s.staged(1));
                        register.recordFile(releaseId, lang, base + ".xlsx", s.sha256(0), base + ".cells.csv", s.sha256(1));
                        files.add(s.target(0));
                        files.add(s.target(1));
                    }
                    return new Released(releaseId, version.number(), files, prepared.report(), changes,
                            prepared.report().linkedPublications());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (ReportRefusedException e) {
            staged.forEach(Outbox.Staged::discard);
            throw new ReleaseRefusedException(e);
        } catch (RuntimeException e) {
            staged.forEach(Outbox.Staged::discard);
            if (e instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
        for (Outbox.Staged s : staged) {
            s.publish();
        }
        return released;
    }

    /** Every release, oldest first, the current version of each period marked. */
    public List<ReleaseRegister.Entry> releases() {
        return register.entries();
    }
}
