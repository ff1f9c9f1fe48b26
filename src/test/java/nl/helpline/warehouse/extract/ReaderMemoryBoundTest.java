package nl.helpline.warehouse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.helpline.warehouse.support.HostileExports;

/**
 * A few kilobytes of hostile workbook or a header of delimiters must not cost the heap: every
 * structure a reader grows is bounded by Excel's limits and the header. Each file is read on a
 * thread of its own, and the bytes that thread allocates, garbage included, are counted
 * ({@code ThreadMXBean#getThreadAllocatedBytes}): a bound on allocation is a bound on the heap the
 * read can ever hold, and it does not depend on the test JVM's -Xmx. Before the bounds, a 2.5 KB
 * workbook with {@code r="ZZZZZZ1"} allocated over 500 MB and ran a 512 MB heap out of memory.
 */
class ReaderMemoryBoundTest {

    /**
     * What any hostile input may cost a reader, in all: 16 MB. The largest measured is the 30 MB
     * header of delimiters at about 5 MB (its 1 MB read buffer); the workbooks cost under 1 MB each.
     */
    private static final long BOUND = 16L << 20;

    @TempDir
    Path dir;

    private final ExportFiles files = new ExportFiles(TestMappings.mapping());
    private final java.util.Set<Path> rejected = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Test
    void noHostileInputCostsMoreThanABoundedAmountOfMemory() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();

        // Class loading and the XML parsers' first use allocate too: pay for them before measuring.
        measure(threads, HostileExports.good(dir.resolve("warm.xlsx"), "W", 3));
        measure(threads, HostileExports.good(dir.resolve("warm.csv"), "W", 3));

        Map<String, Path> hostile = new LinkedHashMap<>();
        hostile.put("zip bomb", HostileExports.zipBomb(dir.resolve("bomb.xlsx")));
        hostile.put("doctype in styles", HostileExports.doctypeInStyles(dir.resolve("doctype.xlsx")));
        hostile.put("column ZZZZZZ1", HostileExports.hugeColumnReference(dir.resolve("column.xlsx")));
        hostile.put("shared string 2147483647", HostileExports.hugeSharedStringIndex(dir.resolve("sst.xlsx")));
        for (String variant : HostileExports.ODD_SHEET_VARIANTS) {
            hostile.put(variant, HostileExports.oddSheetXml(dir.resolve(variant + ".xlsx"), variant));
        }
        hostile.put("NUL in a value", HostileExports.nulInCodedValue(dir.resolve("nul.csv")));
        hostile.put("NUL in the header", HostileExports.nulInHeader(dir.resolve("nul-header.csv")));
        hostile.put("30 MB header of ;", HostileExports.wideHeader(dir.resolve("wide.csv"), 30));
        hostile.put("stray quote", HostileExports.strayQuote(dir.resolve("stray.csv"), 500));

        List<String> figures = new ArrayList<>();
        for (Map.Entry<String, Path> input : hostile.entrySet()) {
            long allocated = measure(threads, input.getValue());
            figures.add(String.format("%s: %,d KB", input.getKey(), allocated >> 10));
            assertThat(allocated).as("bytes allocated reading %s", input.getKey()).isLessThan(BOUND);
            boolean readable = input.getKey().equals("NUL in a value") || input.getKey().equals("lower-case-references");
            assertThat(rejected.remove(input.getValue())).as("%s rejected as a file", input.getKey()).isEqualTo(!readable);
        }
        System.out.println("Allocated per hostile input: " + String.join("; ", figures));
    }

    /** Reads the file on a thread of its own; returns what that thread allocated. Fails on any Error. */
    private long measure(com.sun.management.ThreadMXBean threads, Path file) throws InterruptedException {
        AtomicLong allocated = new AtomicLong();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            long before = threads.getCurrentThreadAllocatedBytes();
            try {
                files.read(file, new CountingSink());
            } catch (FileRejectedException e) {
                // the expected end for most of them; HostileWorkbookTest and HostileCsvTest check the reasons
                rejected.add(file);
            } catch (Throwable t) {
                error.set(t);
            } finally {
                allocated.set(threads.getCurrentThreadAllocatedBytes() - before);
            }
        }, "read " + file.getFileName());
        reader.start();
        reader.join();
        assertThat(error.get()).as("reading %s", file.getFileName()).isNull();
        return allocated.get();
    }
}
