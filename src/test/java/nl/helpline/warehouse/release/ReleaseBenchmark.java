package nl.helpline.warehouse.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 *
 * <p>Seeds the scenarios of {@link ReleaseScenariosTest} tried and dropped for time (main at
 * 88677e4, engine-bounds merged; every one without findings but the revision's version changes):
 * halves 3/120 (the year refused), quarters 5/160 (H1 refused), overlapping ranges 7/240 (Jan-May
 * refused; 320 s in the engine), two definitions 8/120 (chat H1 and the default year refused),
 * multi-valued 9/90.
 */
@EnabledIfSystemProperty(named = "releases.benchmark", matches = "true")
class ReleaseBenchmark {

    static final List<String> PERIODS = List.of("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2024-H1", "2024-H2", "2024",
            "2024-01-01..2024-03-31", "2024-02-01..2024-04-30", "2024-03-01..2024-05-31", "2024-01-01..2024-05-31",
            "2024-04-01..2024-09-30");

    /**
     * How the reader scales with years of releases: hand-written registers of 1, 2 and 4 years, each
     * year released as Q1..Q4, H1, H2 and the year (pieces: one per quarter), about 300 requests a
     * year over the hand tables; every cell under 5 shown as {@code < 5}, the rest published (so
     * the reader has much to find: this measures its work, not the engine's).
     */
    @Test
    void readerScaling() throws Exception {
        for (int years : new int[] {1, 2, 4}) {
            nl.helpline.warehouse.support.TestDatabase db = nl.helpline.warehouse.support.TestDatabase.create();
            try {
                Path empty = Files.createTempDirectory("reader-scaling");
                nl.helpline.warehouse.support.Cli.run(db, "load", "--inbox", empty.toString());
                HandRegister register = new HandRegister(db.jdbc());
                Random random = new Random(years);
                List<String> contacts = List.of("PHONE", "EMAIL", "OTHER");
                List<String> phenomena = List.of("LEFT", "RIGHT", "JIHAD");
                long key = 0;
                for (int y = 0; y < years; y++) {
                    List<List<HandRegister.Request>> quarters = new ArrayList<>();
                    for (int q = 0; q < 4; q++) {
                        List<HandRegister.Request> quarter = new ArrayList<>();
                        for (int i = 0; i < 75; i++) {
                            List<String> cells = new ArrayList<>();
                            cells.add("first_contact." + contacts.get(random.nextDouble() < 0.6 ? 0 : random.nextDouble() < 0.8 ? 1 : 2));
                            cells.add("phenomenon." + phenomena.get(random.nextDouble() < 0.7 ? 1 : 2));
                            if (random.nextDouble() < 0.05) {
                                cells.add("phenomenon.LEFT");
                            }
                            quarter.add(HandRegister.request(++key, cells.toArray(String[]::new)));
                        }
                        quarters.add(quarter);
                    }
                    String year = "Y" + (2020 + y);
                    int[][] periods = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 2}, {2, 4}, {0, 4}};
                    String[] names = {"Q1", "Q2", "Q3", "Q4", "H1", "H2", ""};
                    for (int p = 0; p < periods.length; p++) {
                        List<HandRegister.Request> members = new ArrayList<>();
                        for (int q = periods[p][0]; q < periods[p][1]; q++) {
                            members.addAll(quarters.get(q));
                        }
                        Map<String, String> shown = new java.util.HashMap<>();
                        for (HandRegister.Table t : ExactReaderTest.TABLES) {
                            for (String c : t.categories()) {
                                long n = t.count(members, c);
                                if (n > 0 && n < 5) {
                                    shown.put(t.id() + "." + c, "primary");
                                }
                            }
                        }
                        register.release("hand", year + names[p], 5, false, ExactReaderTest.TABLES, members, shown);
                    }
                }
                ExactReader.Result result = ExactReader.read(db.jdbc(), new ExactReader.Options(20, 1, true, true, null, false));
                System.out.printf("reader scaling, %d years (%d releases): %s%n", years, 7 * years, result.summary());
            } finally {
                db.drop();
            }
        }
    }

    @Test
    void randomScenarios() throws Exception {
        int n = Integer.getInteger("releases.benchmark.scenarios", 25);
        long firstSeed = Long.getLong("releases.benchmark.seed", 1);
        int attempts = 0;
        int refused = 0;
        int recoded = 0;
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
                recoded += (int) world.recoded();
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
        System.out.printf("%d scenarios, %d release attempts: %d refused by suppression alone (%.1f%%), %d after the offered recoding"
                        + " (%.1f%%; -Dreleases.benchmark.recode=true to try it); reader: %d findings in %d scenarios, "
                        + "%d solves, %.1f s in total (%.0f ms per scenario); releasing took %.1f s in total%n",
                n, attempts, refused + recoded, 100.0 * (refused + recoded) / Math.max(1, attempts), refused,
                100.0 * refused / Math.max(1, attempts), findings, scenariosWithFindings, solves,
                readerMs / 1000.0, readerMs / (double) Math.max(1, n), releaseMs / 1000.0);
    }
}
