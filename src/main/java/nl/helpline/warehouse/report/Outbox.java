package nl.helpline.warehouse.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The outbox holds a report file if and only if the register holds its publication (draft or
 * release). Files are written under a hidden pending name ({@code .<name>.pending}), the register
 * entry is committed, and only then are they moved to their names. A crash before the commit
 * leaves pending files the register does not know: the next report in this outbox deletes them.
 * A crash after it leaves pending files it does know: the next report moves them into place.
 */
public final class Outbox {

    private static final String PENDING = ".pending";

    private final Path dir;

    public Outbox(Path dir) {
        this.dir = dir;
    }

    /** Finishes what an interrupted report left: registered pending files are published, others deleted. */
    public List<Path> recover(BiPredicate<String, String> registered) throws IOException {
        List<Path> published = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return published;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "." + "*" + PENDING)) {
            for (Path pending : entries) {
                String name = pending.getFileName().toString();
                String target = name.substring(1, name.length() - PENDING.length());
                if (Files.isRegularFile(pending) && registered.test(target, ReportService.sha256(pending))) {
                    Files.move(pending, dir.resolve(target), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    published.add(dir.resolve(target));
                } else {
                    Files.deleteIfExists(pending);
                }
            }
        }
        return published;
    }

    /** Reserves pending files for the given names. */
    public Staged stage(List<String> names) {
        return new Staged(names, null);
    }

    /** Files being written: their pending paths, their final paths, and what the report returns once they are out. */
    public final class Staged {
        private final List<String> names;
        private final Object result;

        private Staged(List<String> names, Object result) {
            this.names = List.copyOf(names);
            this.result = result;
        }

        public Path staged(int i) {
            return dir.resolve("." + names.get(i) + PENDING);
        }

        public Path target(int i) {
            return dir.resolve(names.get(i));
        }

        public int size() {
            return names.size();
        }

        public String sha256(int i) {
            try {
                return ReportService.sha256(staged(i));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Staged with(Object result) {
            return new Staged(names, result);
        }

        public Object result() {
            return result;
        }

        /** After the register's commit: every file to its name. */
        public void publish() throws IOException {
            for (int i = 0; i < names.size(); i++) {
                Files.move(staged(i), target(i), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }

        /** The register did not commit: nothing goes out. */
        public void discard() {
            for (int i = 0; i < names.size(); i++) {
                try {
                    Files.deleteIfExists(staged(i));
                } catch (IOException e) {
                    // the next report in this outbox deletes it (recover)
                }
            }
        }
    }
}
