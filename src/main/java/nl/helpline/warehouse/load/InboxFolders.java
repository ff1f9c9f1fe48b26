package nl.helpline.warehouse.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The inbox and its three sub-folders, opened as directory handles ({@code openat}) that refuse
 * links: every read, write, move and delete of the load goes through them, relative to a folder
 * that was checked to be a real folder owned by this process's user. A link planted as
 * {@code processed/}, {@code rejected/} or {@code .work/} is refused before anything is touched;
 * a link planted as an archive or reason file name is never written through (files are created
 * with {@code O_CREAT|O_EXCL|O_NOFOLLOW}). So nothing outside the inbox can change, whoever
 * else can write it.
 */
final class InboxFolders implements AutoCloseable {

    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_FOLDER =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final Set<OpenOption> READ = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS);

    private final Inbox inbox;
    private final SecureDirectoryStream<Path> top;
    private final SecureDirectoryStream<Path> processed;
    private final SecureDirectoryStream<Path> rejected;
    private final SecureDirectoryStream<Path> work;

    private InboxFolders(Inbox inbox, SecureDirectoryStream<Path> top, SecureDirectoryStream<Path> processed,
                         SecureDirectoryStream<Path> rejected, SecureDirectoryStream<Path> work) {
        this.inbox = inbox;
        this.top = top;
        this.processed = processed;
        this.rejected = rejected;
        this.work = work;
    }

    /**
     * Opens the inbox's folders, creating missing ones (0700).
     *
     * @throws InboxFolderException when a sub-folder is a link, not a folder, or someone else's
     */
    static InboxFolders open(Inbox inbox) {
        SecureDirectoryStream<Path> top = null;
        try {
            DirectoryStream<Path> stream = Files.newDirectoryStream(inbox.folder());
            if (!(stream instanceof SecureDirectoryStream<Path> secure)) {
                stream.close();
                throw new InboxFolderException("The file system of the inbox " + inbox.folder()
                        + " offers no safe folder operations (openat); the load refuses to work in it");
            }
            top = secure;
            SecureDirectoryStream<Path> processed = sub(inbox, top, Inbox.PROCESSED);
            SecureDirectoryStream<Path> rejected = sub(inbox, top, Inbox.REJECTED);
            SecureDirectoryStream<Path> work = sub(inbox, top, Inbox.WORK);
            return new InboxFolders(inbox, top, processed, rejected, work);
        } catch (IOException e) {
            closeQuietly(top);
            throw new UncheckedIOException("Cannot open the inbox " + inbox.folder() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(top);
            throw e;
        }
    }

    private static SecureDirectoryStream<Path> sub(Inbox inbox, SecureDirectoryStream<Path> top, Path name) throws IOException {
        Path path = inbox.folder().resolve(name);
        try {
            // mkdir never follows a link at the last component: a planted link makes it fail (EEXIST).
            Files.createDirectory(path, PRIVATE_FOLDER);
        } catch (FileAlreadyExistsException exists) {
            // checked below
        }
        SecureDirectoryStream<Path> folder;
        try {
            folder = (SecureDirectoryStream<Path>) top.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
        } catch (FileSystemException e) {
            Inbox.Kind kind = inbox.stat(name).map(Inbox.Entry::kind).orElse(Inbox.Kind.OTHER);
            throw new InboxFolderException(path + " is " + (kind == Inbox.Kind.LINK ? "a symbolic link" : kind.words)
                    + ", not a folder; the load writes nothing through it. Replace it by a real folder (or remove it)"
                    + " and run again");
        }
        try {
            BasicFileAttributes attributes = folder.getFileAttributeView(BasicFileAttributeView.class).readAttributes();
            Map<String, Object> unix = Files.readAttributes(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            Object byPath = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            if (!attributes.isDirectory() || !java.util.Objects.equals(attributes.fileKey(), byPath)) {
                throw new InboxFolderException(path + " changed while the load opened it; run again");
            }
            long uid = ((Number) unix.get("uid")).longValue();
            long me = new com.sun.security.auth.module.UnixSystem().getUid();
            if (uid != me) {
                throw new InboxFolderException(path + " belongs to user id " + uid + ", not to the warehouse's user (id " + me
                        + "); the load writes only into folders of its own. Give it to the warehouse's user (or remove it)"
                        + " and run again");
            }
            return folder;
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    /** What a copy into the work folder yielded: the fingerprint of exactly the bytes copied. */
    record Copied(FileFingerprint fingerprint, Object workFileKey) {
    }

    /**
     * Copies an inbox file into the work folder, hashing the bytes on the way; then checks that
     * the original is still the file the snapshot saw, unchanged.
     *
     * @throws FileChangedException when the file changed (it is being written); the copy is removed
     */
    Copied copyIn(Inbox.Entry entry) throws IOException {
        MessageDigest digest = sha256();
        deleteQuietly(work, entry.name());
        long copied = 0;
        try (SeekableByteChannel in = top.newByteChannel(entry.name(), READ);
             SeekableByteChannel out = work.newByteChannel(entry.name(), CREATE, PRIVATE_FILE)) {
            if (in.size() != entry.size()) {
                throw new FileChangedException(entry.display() + " changed size while the load was looking at it");
            }
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            // Never more than the snapshot's size + 1: a file that keeps growing is noticed, not followed.
            long limit = entry.size() + 1;
            while (copied < limit) {
                buffer.clear();
                if (limit - copied < buffer.capacity()) {
                    buffer.limit((int) (limit - copied));
                }
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                buffer.flip();
                digest.update(buffer.duplicate());
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                copied += n;
            }
            if (out instanceof FileChannel file) {
                file.force(true);   // the original is deleted once this copy is archived
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(work, entry.name());
            throw e;
        }
        Inbox.Entry now = inbox.stat(entry.name()).orElse(null);
        if (copied != entry.size() || !entry.sameAs(now)) {
            deleteQuietly(work, entry.name());
            throw new FileChangedException(entry.display() + " changed while it was read (size " + entry.size() + " → "
                    + (now == null ? "gone" : now.size()) + " bytes): it is still being written");
        }
        Object key = work.getFileAttributeView(entry.name(), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes().fileKey();
        return new Copied(new FileFingerprint(HexFormat.of().formatHex(digest.digest()), copied), key);
    }

    /** The readers open the work copy by path: it must be the copy this load made, not something put in its place. */
    void checkWorkCopy(Inbox.Entry entry, Copied copied) throws IOException {
        Object byHandle = work.getFileAttributeView(entry.name(), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes().fileKey();
        Object byPath = Files.readAttributes(inbox.workCopy(entry.name()), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        if (!copied.workFileKey().equals(byHandle) || !copied.workFileKey().equals(byPath)) {
            throw new InboxFolderException("The work copy of " + entry.display() + " in " + inbox.folder().resolve(Inbox.WORK)
                    + " was replaced while the load used it; someone is tampering with the inbox");
        }
    }

    enum Archive {
        PROCESSED(Inbox.PROCESSED), REJECTED(Inbox.REJECTED);

        final Path folder;

        Archive(Path folder) {
            this.folder = folder;
        }
    }

    private SecureDirectoryStream<Path> folder(Archive archive) {
        return archive == Archive.PROCESSED ? processed : rejected;
    }

    /**
     * A free name in the archive folder: the file's own name when it is free (and, in
     * {@code rejected/}, its reason file's name too), else the name with a piece of its SHA-256.
     */
    String freeName(Archive archive, Path name, String sha256) throws IOException {
        SecureDirectoryStream<Path> dir = folder(archive);
        if (FileNames.representable(name) && free(dir, name.toString(), archive)) {
            return name.toString();
        }
        for (int attempt = 1; ; attempt++) {
            String candidate = FileNames.alternativeName(name, sha256, attempt);
            if (free(dir, candidate, archive)) {
                return candidate;
            }
        }
    }

    /** The warehouse's own name for a file whose name the file system refused: {@code export-<file id>[-n].csv}. */
    String safeName(Archive archive, long fileId, String extension) throws IOException {
        String ext = extension == null ? "" : extension;
        for (int attempt = 1; ; attempt++) {
            String candidate = "export-" + fileId + (attempt > 1 ? "-" + attempt : "") + ext;
            if (free(folder(archive), candidate, archive)) {
                return candidate;
            }
        }
    }

    private static boolean free(SecureDirectoryStream<Path> dir, String name, Archive archive) throws IOException {
        return !exists(dir, Path.of(name)) && (archive != Archive.REJECTED || !exists(dir, Path.of(reasonName(name))));
    }

    static String reasonName(String archiveName) {
        return FileNames.fitted(archiveName, FileNames.MAX_NAME_BYTES - ".reason.txt".length()) + ".reason.txt";
    }

    boolean archived(Archive archive, String name) throws IOException {
        return exists(folder(archive), Path.of(name));
    }

    private static boolean exists(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        try {
            dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Moves the work copy into the archive folder (a rename between two checked folders). */
    void archiveWorkCopy(Inbox.Entry entry, Archive archive, String archiveName) throws IOException {
        ensureFree(archive, archiveName);
        work.move(entry.name(), folder(archive), Path.of(archiveName));
    }

    /** Moves an inbox entry itself (never opened: a link, a pipe, a file too big to copy) into the archive folder. */
    void archiveOriginal(Inbox.Entry entry, Archive archive, String archiveName) throws IOException {
        Inbox.Entry now = inbox.stat(entry.name()).orElse(null);
        if (!entry.sameAs(now)) {
            throw new FileChangedException(entry.display() + " changed before it could be moved; it was left in the inbox");
        }
        ensureFree(archive, archiveName);
        top.move(entry.name(), folder(archive), Path.of(archiveName));
    }

    private void ensureFree(Archive archive, String archiveName) throws IOException {
        if (exists(folder(archive), Path.of(archiveName))) {
            throw new FileAlreadyExistsException(inbox.folder().resolve(archive.folder).resolve(archiveName).toString());
        }
    }

    /** Writes {@code rejected/<archive name>.reason.txt}; never through a link, never over an existing file. */
    void writeReason(String archiveName, String reason) throws IOException {
        byte[] text = (FileNames.oneLine(reason) + "\n").getBytes(StandardCharsets.UTF_8);
        try (SeekableByteChannel out = rejected.newByteChannel(Path.of(reasonName(archiveName)), CREATE, PRIVATE_FILE)) {
            ByteBuffer buffer = ByteBuffer.wrap(text);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }
    }

    /**
     * Removes the original from the inbox once its copy is archived, unless it changed since
     * the load looked at it (a new delivery under the same name is left for the next run).
     *
     * @return false when the entry was left because it changed
     */
    boolean removeOriginal(Inbox.Entry entry) throws IOException {
        Inbox.Entry now = inbox.stat(entry.name()).orElse(null);
        if (now == null) {
            return true;
        }
        if (!entry.sameAs(now)) {
            return false;
        }
        top.deleteFile(entry.name());
        return true;
    }

    /** load --reprocess: the archived copy goes back into the inbox (a rejected one without its reason file). */
    void putBack(Archive archive, String archiveName, Path inboxName) throws IOException {
        if (exists(top, inboxName)) {
            throw new FileAlreadyExistsException(inbox.folder().resolve(inboxName).toString());
        }
        folder(archive).move(Path.of(archiveName), top, inboxName);
        if (archive == Archive.REJECTED) {
            deleteQuietly(rejected, Path.of(reasonName(archiveName)));
        }
    }

    /** Deletes an archived file (retention); a link is deleted as a link. */
    boolean deleteArchived(Archive archive, String name) throws IOException {
        SecureDirectoryStream<Path> dir = folder(archive);
        Path file = Path.of(name);
        BasicFileAttributes attributes;
        try {
            attributes = dir.getFileAttributeView(file, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
        } catch (NoSuchFileException e) {
            return false;
        }
        if (attributes.isDirectory()) {
            dir.deleteDirectory(file);   // only when empty; a folder with content is left, and said so
        } else {
            dir.deleteFile(file);
        }
        return true;
    }

    /** Leftovers of a run that was killed: the work folder holds nothing between runs. */
    int cleanWork() throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> names = Files.newDirectoryStream(inbox.folder().resolve(Inbox.WORK))) {
            for (Path name : names) {
                // Deleted through the checked handle, by name: whatever the listing saw, nothing outside changes.
                if (deleteQuietly(work, name.getFileName())) {
                    removed++;
                }
            }
        }
        return removed;
    }

    void removeWorkCopy(Inbox.Entry entry) {
        deleteQuietly(work, entry.name());
    }

    private static boolean deleteQuietly(SecureDirectoryStream<Path> dir, Path name) {
        try {
            dir.deleteFile(name);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a directory handle
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(work);
        closeQuietly(rejected);
        closeQuietly(processed);
        closeQuietly(top);
    }

    /** The inbox's own folders are not what they must be: nothing is written, the run stops and says why. */
    static final class InboxFolderException extends IllegalStateException {
        InboxFolderException(String message) {
            super(message);
        }
    }

    /** The file changed while the load looked at it: it is still being written. */
    static final class FileChangedException extends IOException {
        FileChangedException(String message) {
            super(message);
        }
    }
}
