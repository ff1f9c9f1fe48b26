package nl.helpline.warehouse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large CSV streams through with every row accounted for. Prints the read rate; timing is not
 * asserted (shared build machines). Scale it up with {@code -Dextract.csv.rows=3000000}.
 */
class CsvStreamingTest {

    private static final String[] CHANNELS = {"Telefoon", "E-mail", "Chat", "Persoonlijk", "Anders", "Email"};
    private static final String[] DOMAINS = {"Veiligheid", "Onderwijs", "Zorg", "Sociaal domein", "Gemeente", "Jeugd", ""};
    private static final String[] PHENOMENA = {"Jihadisme", "Rechts-extremisme|Complotdenken", "", "Links extremisme",
            "Mixed of onduidelijke ideologie|Jihadisme|Overig"};

    @TempDir
    Path dir;

    @Test
    void aLargeFileStreamsWithEveryRowAccountedFor() throws IOException, FileRejectedException {
        int rows = Integer.getInteger("extract.csv.rows", 300_000);
        Path file = dir.resolve("large.csv");
        int expectedRejects = write(file, rows);

        CountingSink sink = new CountingSink();
        long start = System.nanoTime();
        ReadResult result = new ExportFiles(TestMappings.mapping()).read(file, sink);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(result.rowsRead()).isEqualTo(rows);
        assertThat(sink.rejected).isEqualTo(expectedRejects);
        assertThat(sink.accepted + sink.rejected).isEqualTo(rows);
        assertThat(result.ignoredColumns()).containsExactly("Behandelaar", "Regio");
        System.out.printf("CSV: %,d rows (%,d MB, 20 columns) in %.2f s = %,.0f rows/s%n",
                rows, Files.size(file) >> 20, seconds, rows / seconds);
    }

    /** Writes the file; every 1000th row has an unknown channel. Returns the number of such rows. */
    private static int write(Path file, int rows) throws IOException {
        int rejects = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(";", TestExport.HEADER) + ";Behandelaar;Regio\r\n");
            for (int i = 0; i < rows; i++) {
                boolean bad = i % 1000 == 999;
                rejects += bad ? 1 : 0;
                boolean closed = i % 3 != 0;
                boolean citizen = i % 4 == 0;
                int day = 1 + i % 28;
                out.write("HAL-2024-" + String.format("%07d", i) + ';'
                        + day + "-03-2024 1" + (i % 10) + ":3" + (i % 10) + ';'
                        + String.format("%02d-02-2024", day) + ';'
                        + (closed ? String.format("2024-03-%02d", day) : "") + ';'
                        + (closed ? "Afgesloten" : "In behandeling") + ';'
                        + (bad ? "Postduif" : CHANNELS[i % CHANNELS.length]) + ';'
                        + (citizen ? "Burger" : "Professional") + ';'
                        + (citizen ? "" : DOMAINS[i % DOMAINS.length]) + ';'
                        + PHENOMENA[i % PHENOMENA.length] + ';'
                        + "Is de situatie zorgelijk?|Informatievraag;"
                        + (closed ? (i % 5 == 0 ? "Aanvullende ondersteuning;Forsa|GGZ consultatie;" : "Consultatie;;") : ";;")
                        + (i % 7) + ';'
                        + "Jan de Vries;0612345678;jan@example.nl;Piet Jansen;"
                        + (i % 10 == 0 ? "\"Meerdere regels;\r\nmet \"\"aanhalingstekens\"\"\"" : "Korte toelichting over de situatie") + ';'
                        + "M. Bakker;Noord\r\n");
            }
        }
        return rejects;
    }
}
