package nl.helpline.warehouse.warehouse;

import static nl.helpline.warehouse.support.ExportCsv.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;

/**
 * A full disk under the embedded data directory (issue 8), on a real small file system (tmpfs,
 * which needs root and a mount that works; skipped otherwise): the operator is told the disk is
 * full and where, no server is left running, and once space is freed nothing was lost.
 */
class DiskFullTest {

    private static final long MB = 1 << 20;

    private Path mount;
    private String savedKeyProperty;

    @BeforeEach
    void aSmallFileSystem() throws Exception {
        mount = Files.createTempDirectory("disk-full");
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=96m,mode=0755", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        boolean mounted = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        assumeTrue(mounted, "cannot mount a small file system here (" + said.strip() + "): the full disk is not tested");
        savedKeyProperty = System.clearProperty(EmbeddedWarehouses.KEY_PROPERTY);
    }

    @AfterEach
    void unmount() throws Exception {
        if (savedKeyProperty != null) {
            System.setProperty(EmbeddedWarehouses.KEY_PROPERTY, savedKeyProperty);
        }
        if (mount != null) {
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(mount);
        }
    }

    @Test
    void aFullDiskIsSaidInPlainWordsLeavesNoServerAndLosesNothing() throws Exception {
        Path dataDir = mount.resolve("data");
        Path inbox = Files.createTempDirectory("disk-full-inbox");
        try {
            Cli.Result created = Cli.run("status", "--data-dir", dataDir.toString());
            assertThat(created.exitCode()).as(created.toString()).isEqualTo(ExitCode.OK);

            // Room to start (PostgreSQL wants a fresh 16 MB WAL segment), not to load.
            Path filler = mount.resolve("filler");
            fill(filler, Files.getFileStore(mount).getUsableSpace() - 18 * MB);
            ExportCsv.stream(inbox.resolve("big.csv"), 8_000, i -> row("HAL-" + i, "01-03-2024 09:00"));
            Cli.Result load = Cli.run("load", "--inbox", inbox.toString(), "--data-dir", dataDir.toString());
            assertThat(load.exitCode()).as(load.toString()).isEqualTo(ExitCode.FAILED);
            assertThat(load.err()).contains("The disk under " + dataDir.toAbsolutePath() + " is full").contains("free space and run again");
            assertNoServerLeft(dataDir);

            // No room even to start.
            fill(mount.resolve("filler-2"), Files.getFileStore(mount).getUsableSpace());
            Cli.Result start = Cli.run("status", "--data-dir", dataDir.toString());
            assertThat(start.exitCode()).as(start.toString()).isEqualTo(ExitCode.FAILED);
            assertThat(start.err()).contains("cannot start").contains("The disk under " + dataDir.toAbsolutePath() + " is full")
                    .doesNotContain("Connection refused");
            assertNoServerLeft(dataDir);

            // Space freed: the same command again, and every row is there.
            Files.delete(filler);
            Files.delete(mount.resolve("filler-2"));
            Cli.Result again = Cli.run("load", "--inbox", inbox.toString(), "--data-dir", dataDir.toString());
            assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCode.OK);
            assertThat(again.out()).contains("8000");
        } finally {
            PostgresBinaries.deleteTree(inbox);
        }
    }

    private static void fill(Path file, long bytes) throws IOException {
        byte[] block = new byte[(int) MB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        } catch (IOException e) {
            if (!DiskFull.mentionsNoSpace(e.getMessage())) {
                throw e;
            }
        }
    }

    private static void assertNoServerLeft(Path dataDir) {
        String dir = dataDir.toAbsolutePath().toString();
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dir)).orElse(false)).toList();
        assertThat(left).as("PostgreSQL processes of " + dir).isEmpty();
    }
}
