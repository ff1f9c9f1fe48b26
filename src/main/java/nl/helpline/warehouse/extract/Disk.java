package nl.helpline.warehouse.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a file whose content is bad from a disk that fails. A reader that meets an error it
 * cannot place (a damaged zip, bytes that are not XML) reads the file's bytes once more, plainly:
 * when that works, the fault is in the content and the file is rejected; when it does not, the
 * disk is at fault, which is the warehouse's problem, not the file's, and the IOException goes on.
 */
final class Disk {

    private Disk() {
    }

    /** Reads the whole file; throws the disk's IOException (with the original failure attached) if that fails. */
    static void requireReadable(Path file, Exception original) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            while (in.read(buffer) >= 0) {
                // only whether the bytes come
            }
        } catch (IOException e) {
            if (original != null && original != e) {
                e.addSuppressed(original);
            }
            throw e;
        }
    }
}
