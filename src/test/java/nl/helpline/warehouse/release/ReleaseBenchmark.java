package nl.helpline.warehouse.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The refusal rate, apart from the tests: runs only with {@code -Dreleases.benchmark=true}, e.g.
 * {@code ./mvnw -q -o test -Dtest=ReleaseBenchmark -Dreleases.benchmark=true -Dreleases.benchmark.scenarios=25}.
 * Each scenario is a random population (40 to 400 requests in 2024, a random seed) and a random
 * sequence of 3 to 6 release attempts of distinct periods (quarters, half-years, the year, month ranges, the second
 * definition that includes chat, sometimes a correction and H1 again). Prints, per scenario and in
 * total, how many attempts ended refused and how many findings the independent reader had over
 * everything released.
 */
@EnabledIfSystemProperty(named = "releases.benchmark", matches = "true")
class ReleaseBenchmark {

    static final List<String> PERIODS = List.of("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2024-H1", "2024-H2", "2024",
            "2024-01-01..2024-03-31", "2024-02-01..2024-04-30", "2024-03-01..2024-05-31", "2024-01-01..2024-05-31",
            "2024-04-01..2024-09-30");

    @Test
    void randomScenarios() throws Exception {
        int n = Integer.getInteger("releases.benchmark.scenarios", 25);
        long firstSeed = Long.getLong("releases.benchmark.seed", 1);
        int attempts = 0;
        int refused = 0;
        int findings = 0;
        int scenariosWithFindings = 0;
        long readerMs = 0;
        long releaseMs = 0;
        int solves = 0;
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            long seed = firstSeed + s;
            Random random = new Random(seed * 7919);
            int requests = 40 + random.nextInt(361);
            Path work = Files.createTempDirectory("release-benchmark");
            try (ReleaseWorld world = ReleaseWorld.create(work).generate(seed, requests)) {
                int k = 3 + random.nextInt(4);
                List<String> periods = new ArrayList<>(PERIODS);
                java.util.Collections.shuffle(periods, random);
                boolean corrected = false;
                long t0 = System.nanoTime();
                for (int i = 0; i < k; i++) {
                    double what = random.nextDouble();
                    if (what < 0.12 && !corrected && world.attempts.stream().anyMatch(a -> a.period().equals("2024-H1") && a.released())) {
                        world.correctH1();
                        corrected = true;
                        world.release(ReleaseWorld.DEFAULT, "2024-H1");
                    } else {
                        String definition = what > 0.85 ? ReleaseWorld.WITH_CHAT : ReleaseWorld.DEFAULT;
                        world.release(definition, periods.remove(periods.size() - 1));
                    }
                }
                releaseMs += (System.nanoTime() - t0) / 1_000_000;
                ExactReader.Result result = world.read();
                attempts += world.attempts.size();
                refused += (int) world.refused();
                findings += result.findings().size();
                scenariosWithFindings += result.findings().isEmpty() ? 0 : 1;
                readerMs += result.millis();
                solves += result.solves();
                String line = String.format("scenario seed %d, %d requests: %s; %s", seed, requests, world.attempts, result.summary());
                lines.add(line);
                System.out.println(line);
                result.findings().forEach(f -> System.out.println("    " + f));
            }
        }
        System.out.printf("%d scenarios, %d release attempts: %d refused (%.1f%%); reader: %d findings in %d scenarios, "
                        + "%d solves, %.1f s in total (%.0f ms per scenario); releasing took %.1f s in total%n",
                n, attempts, refused, 100.0 * refused / Math.max(1, attempts), findings, scenariosWithFindings, solves,
                readerMs / 1000.0, readerMs / (double) Math.max(1, n), releaseMs / 1000.0);
    }
}
