package nl.helpline.warehouse.warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * Folders and files only this OS account can use: the data directory (0700), the secrets in it
 * (0600). Root ignores permissions, but every other account does, and that is who they keep out.
 */
final class PrivateFiles {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS =
            EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private PrivateFiles() {
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code dir} (and missing parents) and makes {@code dir} itself 0700; refuses a folder of another account. */
    static void createPrivateDirectories(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (!posix()) {
            return;
        }
        if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a plain folder");
        }
        if (!ownedByUs(dir)) {
            throw new IOException(dir + " belongs to another account (uid " + uid(dir) + "); the warehouse keeps its files in folders of its own");
        }
        if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(DIRECTORY)) {
            Files.setPosixFilePermissions(dir, DIRECTORY);
        }
    }

    /** Ours, a real folder, and nobody else may write in it. */
    static boolean isPrivateDirectory(Path dir) throws IOException {
        if (!posix()) {
            return false;
        }
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && ownedByUs(dir)
                && java.util.Collections.disjoint(Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS), WRITABLE_BY_OTHERS);
    }

    /** Makes an existing file 0600 (files of earlier versions were created with the umask). */
    static void restrict(Path file) throws IOException {
        if (posix() && Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                && !Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(FILE)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** A new random secret (32 bytes, base64) in a 0600 file, written whole or not at all. */
    static String createSecret(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        writePrivately(file, secret + "\n");
        return secret;
    }

    static void writePrivately(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (posix()) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    static String readSecret(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    private static boolean ownedByUs(Path path) throws IOException {
        return uid(path) == currentUid();
    }

    private static long uid(Path path) throws IOException {
        return ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    }

    static long currentUid() {
        return new com.sun.security.auth.module.UnixSystem().getUid();
    }
}
