package nl.helpline.warehouse.load;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import nl.helpline.warehouse.warehouse.SqlFiles;

/**
 * The exports archived in an inbox's {@code processed/} and {@code rejected/}, as the warehouse
 * recorded them. Retention deletes by that record ({@code archived_at}), through the same
 * link-refusing folder handles the load writes with.
 */
public final class ArchivedExports {

    private static final Logger log = LoggerFactory.getLogger(ArchivedExports.class);

    private final NamedParameterJdbcTemplate named;
    private final SourceFiles sourceFiles;

    public ArchivedExports(DataSource dataSource) {
        this.named = new NamedParameterJdbcTemplate(dataSource);
        this.sourceFiles = new SourceFiles(new JdbcTemplate(dataSource));
    }

    /**
     * Deletes the archived copies in this inbox that were archived more than {@code days} days
     * ago (a rejected file with its reason file), and records that they are gone.
     *
     * @return how many archived files were deleted
     */
    public long purge(Path inboxFolder, int days) {
        Inbox inbox = new Inbox(inboxFolder);
        List<Map<String, Object>> due = named.queryForList(SqlFiles.load("queries/source_file_archives_due.sql"),
                new MapSqlParameterSource("days", days));
        if (due.isEmpty() || !java.nio.file.Files.isDirectory(inbox.folder())) {
            return 0;
        }
        long deleted = 0;
        try (InboxFolders folders = InboxFolders.open(inbox)) {
            for (Map<String, Object> row : due) {
                long fileId = ((Number) row.get("file_id")).longValue();
                Path archived;
                try {
                    archived = Path.of((String) row.get("archived_to"));
                } catch (InvalidPathException e) {
                    continue;   // recorded under another locale; left for a run that can name it
                }
                InboxFolders.Archive archive = archiveOf(inbox, archived);
                if (archive == null) {
                    continue;   // another inbox's file: purged when that inbox runs
                }
                String name = archived.getFileName().toString();
                try {
                    if (folders.deleteArchived(archive, name)) {
                        deleted++;
                    }
                    if (archive == InboxFolders.Archive.REJECTED) {
                        folders.deleteArchived(archive, InboxFolders.reasonName(name));
                    }
                    sourceFiles.purged(fileId);
                } catch (IOException e) {
                    log.warn("Retention: cannot delete {}: {}", FileNames.escape(archived.toString()), Failures.rootMessage(e));
                }
            }
        }
        return deleted;
    }

    private static InboxFolders.Archive archiveOf(Inbox inbox, Path archived) {
        Path parent = archived.getParent();
        if (parent == null) {
            return null;
        }
        if (parent.equals(inbox.folder().resolve(Inbox.PROCESSED))) {
            return InboxFolders.Archive.PROCESSED;
        }
        if (parent.equals(inbox.folder().resolve(Inbox.REJECTED))) {
            return InboxFolders.Archive.REJECTED;
        }
        return null;
    }
}
