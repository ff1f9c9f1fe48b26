package nl.helpline.warehouse.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The folder the case system drops its exports into. What the load deals with leaves it:
 * loaded and duplicate deliveries are archived in {@code processed/}, rejected ones in
 * {@code rejected/} with a {@code .reason.txt} beside them. Anything else stays where it is.
 *
 * <p>Whoever can write the inbox may plant links, pipes or folders in it. The load therefore
 * never follows a link, never opens what is not a regular file, and writes only into the
 * inbox's own sub-folders through handles that refuse links ({@link InboxFolders}). Entries are
 * looked at with {@code lstat}: looking never blocks (a named pipe would) and never follows.
 */
public final class Inbox {

    static final Path PROCESSED = Path.of("processed");
    static final Path REJECTED = Path.of("rejected");
    /** The private work folder: each export is copied here once, and only the copy is read. */
    static final Path WORK = Path.of(".work");

    private static final int S_IFMT = 0170000;

    private final Path folder;

    public Inbox(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    public Path folder() {
        return folder;
    }

    /** What an entry of the inbox is, as {@code lstat} says: a link is a link, whatever it points at. */
    enum Kind {
        FILE("a regular file"),
        FOLDER("a folder, not a file"),
        LINK("a symbolic link; links are not followed (a link could make the warehouse read any file it can): deliver the file itself"),
        PIPE("a named pipe (FIFO), not a file; it is not opened"),
        SOCKET("a socket, not a file"),
        DEVICE("a device, not a file; it is not opened"),
        OTHER("not a regular file");

        final String words;

        Kind(String words) {
            this.words = words;
        }

        static Kind of(int mode) {
            return switch (mode & S_IFMT) {
                case 0100000 -> FILE;
                case 0040000 -> FOLDER;
                case 0120000 -> LINK;
                case 0010000 -> PIPE;
                case 0140000 -> SOCKET;
                case 0020000, 0060000 -> DEVICE;
                default -> OTHER;
            };
        }
    }

    /**
     * One entry as {@code lstat} saw it. Two snapshots are the same file, unchanged, when inode,
     * size, modification and change time agree: an append, a rewrite, {@code touch} or a new file
     * renamed over the name each change one of them.
     */
    record Entry(Path name, Kind kind, long size, FileTime modified, FileTime changed, long inode, long device) {

        boolean sameAs(Entry other) {
            return other != null && kind == other.kind && size == other.size && inode == other.inode && device == other.device
                    && modified.equals(other.modified) && changed.equals(other.changed);
        }

        String display() {
            return FileNames.display(name);
        }
    }

    /** Every entry directly in the inbox, in the byte order of their names (exports are named by date). */
    List<Entry> survey() {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(folder)) {
            for (Path path : list) {
                stat(path.getFileName()).ifPresent(entries::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the inbox " + folder + ": " + e.getMessage(), e);
        }
        entries.sort((a, b) -> Arrays.compareUnsigned(FileNames.bytes(a.name()), FileNames.bytes(b.name())));
        return entries;
    }

    /** The entry as it is now; empty when it is gone. */
    Optional<Entry> stat(Path name) {
        try {
            Map<String, Object> a = Files.readAttributes(folder.resolve(name), "unix:mode,size,lastModifiedTime,ctime,ino,dev",
                    LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new Entry(name, Kind.of((Integer) a.get("mode")), (Long) a.get("size"),
                    (FileTime) a.get("lastModifiedTime"), (FileTime) a.get("ctime"), (Long) a.get("ino"), (Long) a.get("dev")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look at " + FileNames.display(name) + " in the inbox: " + e.getMessage(), e);
        }
    }

    /** The work copy of an entry, for the readers (which open files by path). */
    Path workCopy(Path name) {
        return folder.resolve(WORK).resolve(name);
    }

    /** Where an archived file is recorded to be ({@code etl.source_file.archived_to}). */
    Path archivePath(Path subFolder, String archiveName) {
        return folder.resolve(subFolder).resolve(archiveName);
    }
}
