package nl.helpline.warehouse.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a request number into its keyed pseudonym (HMAC-SHA256). The same number always gives
 * the same pseudonym under one key, so versions of a request still meet in the warehouse, but
 * the number cannot be recovered or guessed by hashing candidates without the key.
 *
 * <p>Not thread-safe ({@link Mac} is not); make one per thread with {@link #copy()}.
 */
public final class Pseudonymizer {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String FINGERPRINT_INPUT = "helpline-warehouse pseudonym key fingerprint";

    private final PseudonymKey key;
    private final Mac mac;

    public Pseudonymizer(PseudonymKey key) {
        this.key = key;
        try {
            this.mac = Mac.getInstance(ALGORITHM);
            this.mac.init(new SecretKeySpec(key.bytes(), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    public Pseudonymizer copy() {
        return new Pseudonymizer(key);
    }

    /** Request numbers are compared trimmed and upper-cased, as the case system treats them. */
    public byte[] pseudonym(String requestNumber) {
        return mac.doFinal(requestNumber.trim().toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /** Where the key came from ({@code WAREHOUSE_PSEUDONYM_KEY} or its file), for messages. */
    public String keySource() {
        return key.source();
    }

    /** Identifies the key without revealing it, so a warehouse can refuse a different key. */
    public String fingerprint() {
        return HexFormat.of().formatHex(mac.doFinal(FINGERPRINT_INPUT.getBytes(StandardCharsets.UTF_8)));
    }
}
