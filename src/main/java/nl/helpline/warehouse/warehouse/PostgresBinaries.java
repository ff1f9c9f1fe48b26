package nl.helpline.warehouse.warehouse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL programs of the embedded warehouse ({@code initdb}, {@code postgres},
 * {@code pg_ctl}), taken from zonky's binary archive on the class path and unpacked into a
 * directory only this OS account can write.
 *
 * <p>Why not zonky's own unpacking: it unpacks into {@code /tmp/embedded-pg/PG-<md5>} and makes
 * that folder world-writable, so another local account could put its own {@code postgres} there
 * first and have it run as the warehouse's account; and the binaries are needed before the first
 * start, to run {@code initdb} with password authentication (zonky runs it with {@code trust}).
 *
 * <p>Where: {@code $XDG_CACHE_HOME/helpline-warehouse} or {@code ~/.cache/helpline-warehouse}
 * (shared by every data directory of this account, so a new warehouse costs no second 60 MB),
 * if that folder is ours and nobody else can write it; otherwise inside the data directory.
 */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path home;
    /** The archive's digest, the name of its folder: the class path does not change while we run. */
    private static String digest;

    private PostgresBinaries(Path home) {
        this.home = home;
    }

    /** The binaries, unpacked once per account (or per data directory when no private cache can be used). */
    static synchronized PostgresBinaries prepare(Path dataDir) {
        byte[] archive = digest == null ? archive() : null;
        if (digest == null) {
            digest = sha256(archive).substring(0, 16);
        }
        Path root = cacheRoot().orElse(dataDir.resolve("postgres-binaries"));
        Path home = root.resolve("postgres-" + digest);
        if (!complete(home)) {
            unpack(archive != null ? archive : archive(), root, home);
        }
        return new PostgresBinaries(home);
    }

    /** The command line that runs {@code program}; as root through {@code unshare -U}, because PostgreSQL refuses to run as root. */
    List<String> command(String program, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(home.resolve("bin").resolve(program).toString());
        command.addAll(arguments);
        return command;
    }

    Path home() {
        return home;
    }

    private static boolean complete(Path home) {
        return Files.isRegularFile(home.resolve(".complete"))
                && List.of("initdb", "postgres", "pg_ctl").stream().allMatch(p -> Files.isExecutable(home.resolve("bin").resolve(p)));
    }

    private static byte[] archive() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String system = os.contains("linux") ? "Linux" : os.contains("mac") ? "Darwin" : null;
        if (system == null) {
            throw new WarehouseUnavailableException("The embedded warehouse runs on Linux and macOS only (it relies on "
                    + "private folders and a private socket); on " + System.getProperty("os.name")
                    + " use an external PostgreSQL with --db-url.");
        }
        String arch = System.getProperty("os.arch", "");
        String hardware = "amd64".equals(arch) ? "x86_64" : arch;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, hardware)) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            throw new WarehouseUnavailableException("No embedded PostgreSQL for " + system + " " + hardware + ": " + e.getMessage(), e);
        }
    }

    /** A folder of ours that nobody else can write, or empty. */
    private static java.util.Optional<Path> cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String userHome = System.getProperty("user.home");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : userHome == null || userHome.isBlank() || userHome.equals("?") ? null : Path.of(userHome, ".cache");
        if (base == null) {
            return java.util.Optional.empty();
        }
        Path root = base.resolve("helpline-warehouse");
        try {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(base);
                Files.createDirectory(root, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
            }
            if (PrivateFiles.isPrivateDirectory(root) && PrivateFiles.isPrivateDirectory(base.toRealPath())) {
                return java.util.Optional.of(root);
            }
            log.warn("{} is not a private folder of this account; unpacking PostgreSQL into the data directory instead", root);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("No private cache folder for the PostgreSQL binaries ({}); using the data directory", e.toString());
        }
        return java.util.Optional.empty();
    }

    private static void unpack(byte[] archive, Path root, Path home) {
        Path staging = root.resolve(".unpacking-" + UUID.randomUUID());
        try {
            PrivateFiles.createPrivateDirectories(root);
            Files.createDirectory(staging, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
            log.info("Unpacking the embedded PostgreSQL into {}", home);
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new java.io.BufferedInputStream(
                    new XZCompressorInputStream(new ByteArrayInputStream(archive)), 1 << 16))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = inside(staging, entry.getName());
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        String link = entry.getLinkName();
                        if (link.contains("/") || link.equals("..")) {
                            throw new IOException("unexpected link " + entry.getName() + " -> " + link + " in the PostgreSQL archive");
                        }
                        Files.createDirectories(target.getParent());
                        Files.createSymbolicLink(target, Path.of(link));
                    } else if (entry.isFile()) {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target);
                        boolean executable = (entry.getMode() & 0100) != 0;
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "r-x------" : "r--------"));
                    }
                }
            }
            Files.createFile(staging.resolve(".complete"));
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // Another process of ours unpacked the same archive at the same moment.
                if (!complete(home)) {
                    deleteTree(home);
                    Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new WarehouseUnavailableException("Cannot unpack the embedded PostgreSQL into " + home + ": " + e.getMessage()
                    + DiskFull.hintFor(e, root), e);
        } finally {
            deleteTree(staging);
        }
    }

    private static Path inside(Path dir, String name) throws IOException {
        Path target = dir.resolve(name).normalize();
        if (!target.startsWith(dir) || Path.of(name).isAbsolute()) {
            throw new IOException("unexpected entry " + name + " in the PostgreSQL archive");
        }
        return target;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.debug("Could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", dir, e.toString());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
