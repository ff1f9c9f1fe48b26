package nl.helpline.warehouse.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder the case system drops its exports into. Files that were dealt with leave it:
 * loaded and duplicate deliveries to {@code processed/}, rejected ones to {@code rejected/}
 * with a {@code .reason.txt} beside them. Anything else stays where it is.
 */
public final class Inbox {

    private final Path folder;

    public Inbox(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    public Path folder() {
        return folder;
    }

    /** The regular files directly in the inbox, in name order (exports are named by date). */
    List<Path> files() {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the inbox " + folder, e);
        }
    }

    /** Where a processed file will go; chosen before the move so the database can record it. */
    Path processedTarget(Path file, String sha256) {
        return freeTarget(folder.resolve("processed"), file, sha256);
    }

    Path rejectedTarget(Path file, String sha256) {
        return freeTarget(folder.resolve("rejected"), file, sha256);
    }

    static void move(Path file, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + file + " to " + target, e);
        }
    }

    static void writeReason(Path rejectedFile, String reason) {
        try {
            Files.writeString(rejectedFile.resolveSibling(rejectedFile.getFileName() + ".reason.txt"),
                    reason + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same name may be delivered again with new bytes: never overwrite an archived file. */
    private static Path freeTarget(Path dir, Path file, String sha256) {
        String name = file.getFileName().toString();
        Path target = dir.resolve(name);
        if (!Files.exists(target)) {
            return target;
        }
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        target = dir.resolve(base + "." + sha256.substring(0, 12) + ext);
        for (int i = 2; Files.exists(target); i++) {
            target = dir.resolve(base + "." + sha256.substring(0, 12) + "-" + i + ext);
        }
        return target;
    }
}
