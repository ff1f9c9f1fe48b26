package nl.helpline.warehouse.warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import javax.sql.DataSource;

/**
 * The secret behind request pseudonyms. Without it nobody can link a warehouse row back to a
 * case number, so it never lives in the database itself (and the application's database role
 * cannot read files: see EmbeddedWarehouseServer).
 *
 * <p>Losing it is loud: an embedded warehouse that was built with a key and finds its key file
 * gone refuses to start and says how to restore it. It never makes a new one then, because
 * pseudonyms under a new key would turn every later version of a request into a new request.
 */
public final class PseudonymKey {

    static final String ENVIRONMENT_VARIABLE = "WAREHOUSE_PSEUDONYM_KEY";
    static final String FILE_NAME = "pseudonym.key";

    private final byte[] bytes;
    private final String source;

    private PseudonymKey(byte[] bytes, String source) {
        this.bytes = bytes.clone();
        this.source = source;
    }

    /** A key given as {@value #ENVIRONMENT_VARIABLE} (or by a test). */
    public static PseudonymKey of(String secret) {
        return of(secret, ENVIRONMENT_VARIABLE);
    }

    private static PseudonymKey of(String secret, String source) {
        if (secret.length() < 16) {
            throw new WarehouseUnavailableException("The pseudonym key (" + source + ") is too short: use at least 16 characters "
                    + "(e.g. the output of `openssl rand -base64 32`). Nothing was changed.");
        }
        return new PseudonymKey(secret.getBytes(StandardCharsets.UTF_8), source);
    }

    /**
     * The key of this warehouse: {@value #ENVIRONMENT_VARIABLE} if set; otherwise, for the
     * embedded warehouse, {@code dataDir/pseudonym.key}, made on first use. {@code dataSource}
     * (the opened warehouse) tells a new warehouse from one whose key file went missing.
     */
    static PseudonymKey resolve(WarehouseProperties properties, DataSource dataSource) {
        if (properties.pseudonymKey() != null && !properties.pseudonymKey().isBlank()) {
            return of(properties.pseudonymKey());
        }
        if (!properties.embedded()) {
            throw new WarehouseUnavailableException("An external warehouse database needs a pseudonym key: set "
                    + ENVIRONMENT_VARIABLE + " to the secret this warehouse was built with (a new warehouse: any "
                    + "random secret of 16+ characters, kept safe; losing it means request numbers can no longer be matched).");
        }
        Path file = properties.dataDir().toAbsolutePath().resolve(FILE_NAME);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return fromFile(file);
        }
        PseudonymKeyCheck.storedFingerprint(dataSource).ifPresent(fingerprint -> {
            throw new WarehouseUnavailableException("The pseudonym key file " + file + " is missing, but this warehouse was "
                    + "built with a key (fingerprint " + fingerprint.substring(0, 12) + "…, in etl.pseudonym_key). Restore "
                    + FILE_NAME + " from your backup into " + file.getParent() + " (chmod 600), or set " + ENVIRONMENT_VARIABLE
                    + " to the same secret, and run again. A new key would make every later version of a request a new "
                    + "request, so none was made and nothing was changed.");
        });
        return generate(file);
    }

    private static PseudonymKey fromFile(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new WarehouseUnavailableException("The pseudonym key " + file + " is not a regular file; restore it from your backup.");
            }
            PrivateFiles.restrict(file);
            return of(Files.readString(file, StandardCharsets.UTF_8).trim(), file.toString());
        } catch (IOException e) {
            throw new WarehouseUnavailableException("Cannot read the pseudonym key " + file + ": " + e.getMessage(), e);
        }
    }

    /** A new warehouse: a random key, written whole (0600) or not at all. */
    private static PseudonymKey generate(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return of(PrivateFiles.createSecret(file), file.toString());
        } catch (IOException e) {
            throw new WarehouseUnavailableException("Cannot create the pseudonym key " + file + ": " + e.getMessage()
                    + DiskFull.hintFor(e, file.getParent()), e);
        }
    }

    /** Where the key came from, for messages: the environment variable or the file. */
    public String source() {
        return source;
    }

    byte[] bytes() {
        return bytes.clone();
    }
}
