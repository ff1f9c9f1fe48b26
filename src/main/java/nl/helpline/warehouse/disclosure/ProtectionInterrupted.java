package nl.helpline.warehouse.disclosure;

/**
 * The thread protecting or auditing a problem was interrupted (its caller's time limit ran out).
 * The engine checks for it before every solve and in its searches, so a problem too large for the
 * time it is given ends with this, never with an unproven pattern: the report is not written.
 */
public final class ProtectionInterrupted extends RuntimeException {

    public ProtectionInterrupted() {
        super("interrupted: the time limit for protecting the report ran out", null, false, false);
    }

    /** Throws when the current thread has been interrupted. Cheap enough to call at every node. */
    static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ProtectionInterrupted();
        }
    }
}
