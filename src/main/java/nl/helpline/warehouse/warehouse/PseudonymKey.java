package nl.helpline.warehouse.warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret behind request pseudonyms. Without it nobody can link a warehouse row back to a
 * case number, so it never lives in the database itself.
 */
public final class PseudonymKey {

    private final byte[] bytes;

    private PseudonymKey(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public static PseudonymKey of(String secret) {
        if (secret.length() < 16) {
            throw new WarehouseUnavailableException("WAREHOUSE_PSEUDONYM_KEY is too short: use at least 16 characters "
                    + "(e.g. the output of `openssl rand -base64 32`).");
        }
        return new PseudonymKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    static PseudonymKey resolve(WarehouseProperties properties) {
        if (properties.pseudonymKey() != null && !properties.pseudonymKey().isBlank()) {
            return of(properties.pseudonymKey());
        }
        if (!properties.embedded()) {
            throw new WarehouseUnavailableException("An external warehouse database needs a pseudonym key: set "
                    + "WAREHOUSE_PSEUDONYM_KEY to the secret this warehouse was built with (a new warehouse: any "
                    + "random secret of 16+ characters, kept safe; losing it means request numbers can no longer be matched).");
        }
        return generatedOnce(properties.dataDir().resolve("pseudonym.key"));
    }

    /** The embedded default keeps its own key beside its data, made on first use. */
    private static PseudonymKey generatedOnce(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(tmp, Base64.getEncoder().encodeToString(random) + "\n", StandardCharsets.UTF_8);
                // On a file system without POSIX permissions the directory's own permissions have to do.
                if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                }
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return of(Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new WarehouseUnavailableException("Cannot read or create the pseudonym key " + file + ": " + e.getMessage(), e);
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }
}
