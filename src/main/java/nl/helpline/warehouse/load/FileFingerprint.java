package nl.helpline.warehouse.load;

/**
 * The identity of a delivery: its bytes, whatever the file is called. Taken while the file is
 * copied into the work folder ({@link InboxFolders#copyIn}), so it is the fingerprint of exactly
 * the bytes that are read and archived.
 */
record FileFingerprint(String sha256, long size) {
}
