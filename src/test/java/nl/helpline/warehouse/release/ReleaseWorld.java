package nl.helpline.warehouse.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.generate.ExportGenerator;
import nl.helpline.warehouse.generate.GeneratedRequest;
import nl.helpline.warehouse.generate.GeneratorSpec;
import nl.helpline.warehouse.report.Period;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.TestDatabase;

/**
 * One warehouse for a release scenario: a real PostgreSQL, generated exports loaded through the
 * real command line, a jobs folder with the default definition and a second one that includes chat
 * ({@value #WITH_CHAT}), and the release service as the lead's {@code release} command calls it.
 * It keeps what was released and what was refused, so a scenario can check that refusals leave the
 * register as it was.
 */
final class ReleaseWorld implements AutoCloseable {

    static final String DEFAULT = "helpline";
    static final String WITH_CHAT = "helpline_chat";
    static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    static final LocalDate TO = LocalDate.of(2024, 12, 31);

    record Attempt(String definition, String period, boolean released, int version, String refusal, long millis, boolean recoded) {

        Attempt(String definition, String period, boolean released, int version, String refusal, long millis) {
            this(definition, period, released, version, refusal, millis, false);
        }

        @Override
        public String toString() {
            return definition + " " + period + (released ? " v" + version : " refused (" + refusal + ")") + " in " + millis + " ms";
        }
    }

    final TestDatabase db;
    final Path work;
    final Path jobs;
    final ReleaseService service;
    final List<Attempt> attempts = new ArrayList<>();
    List<GeneratedRequest> truth = List.of();
    private int inboxes;

    private ReleaseWorld(TestDatabase db, Path work, Path jobs, ReleaseService service) {
        this.db = db;
        this.work = work;
        this.jobs = jobs;
        this.service = service;
    }

    static ReleaseWorld create(Path work) {
        try {
            Path jobs = work.resolve("jobs");
            copy(Path.of("jobs"), jobs);
            String helpline = Files.readString(jobs.resolve("reports/helpline.yml"));
            String withChat = helpline.replace("name: helpline\n", "name: " + WITH_CHAT + "\n")
                    .replaceAll("(?m)^\\s*exclude_channels:.*\\n", "");
            if (withChat.equals(helpline) || withChat.contains("exclude_channels")) {
                throw new IllegalStateException("jobs/reports/helpline.yml changed shape: cannot derive " + WITH_CHAT);
            }
            Files.writeString(jobs.resolve("reports/" + WITH_CHAT + ".yml"), withChat);
            TestDatabase db = TestDatabase.create();
            DataSource dataSource = new DriverManagerDataSource(db.url(), "postgres", "");
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            return new ReleaseWorld(db, work, jobs, new ReleaseService(jobs, dataSource, transaction));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generates a year of exports (2024) and loads them. */
    ReleaseWorld generate(long seed, int requests) {
        GeneratorSpec spec = GeneratorSpec.of(requests, FROM, TO).withSeed(seed);
        Path inbox = work.resolve("inbox-" + (++inboxes));
        try {
            truth = ExportGenerator.generate(spec, inbox).truth().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return load(inbox);
    }

    ReleaseWorld load(Path inbox) {
        Cli.Result load = Cli.run(db, "load", "--inbox", inbox.toString());
        if (load.exitCode() != ExitCode.OK && load.exitCode() != ExitCode.DONE_WITH_REJECTS) {
            throw new IllegalStateException("load failed: " + load);
        }
        return this;
    }

    /**
     * A correction export for H1: one new closed request, one closed request moved to another
     * channel, requester and phenomena, and one closed request reopened (no longer closed).
     */
    ReleaseWorld correctH1() {
        List<GeneratedRequest> closedH1 = truth.stream()
                .filter(r -> r.status().equals("CLOSED") && r.received().isBefore(LocalDate.of(2024, 7, 1))
                        && !r.channel().equals("CHAT"))
                .toList();
        if (closedH1.size() < 2) {
            throw new IllegalStateException("too few closed H1 requests to correct");
        }
        GeneratedRequest moved = closedH1.get(0);
        GeneratedRequest reopened = closedH1.get(1);
        ExportCsv csv = ExportCsv.create();
        csv.add(ExportCsv.row("NEW-2024-000001", "2025-06-01T10:00")
                .set("Datum binnenkomst", "2024-03-14").set("Datum afgesloten", "2024-03-28")
                .set("Eerste contact", "Anders").set("Type aanvrager", "Burger").set("Werkterrein", "")
                .set("Verschijningsvormen", "Links-extremisme").set("Hulpvragen", "Informatievraag")
                .set("Opvolging", "Aanvullende ondersteuning").set("Aanvullende ondersteuning", "LIV"));
        csv.add(ExportCsv.row(moved.requestNumber(), "2025-06-01T10:00")
                .set("Datum binnenkomst", moved.received().toString()).set("Datum afgesloten", moved.closed().toString())
                .set("Eerste contact", moved.channel().equals("EMAIL") ? "Persoonlijk" : "E-mail")
                .set("Type aanvrager", moved.requesterType().equals("PROFESSIONAL") ? "Burger" : "Professional")
                .set("Werkterrein", moved.requesterType().equals("PROFESSIONAL") ? "" : "Jeugd")
                .set("Verschijningsvormen", "Anti-institutioneel extremisme|Complotdenken"));
        csv.add(ExportCsv.row(reopened.requestNumber(), "2025-06-01T10:00")
                .set("Datum binnenkomst", reopened.received().toString()).set("Datum afgesloten", "")
                .set("Status", "In behandeling"));
        Path inbox = work.resolve("inbox-" + (++inboxes));
        csv.write(inbox.resolve("correction-2025-06-01.csv"));
        Cli.Result load = Cli.run(db, "load", "--inbox", inbox.toString());
        if (load.exitCode() != ExitCode.OK) {
            throw new IllegalStateException("the correction did not load cleanly: " + load);
        }
        return this;
    }

    /** Releases, or notes the refusal; either way the register must hold exactly the releases made. */
    Attempt release(String definition, String period) {
        Path out = work.resolve("out");
        Attempt attempt;
        long t0 = System.nanoTime();
        try {
            ReleaseService.Released released = service.release(definition, Period.parse(period), "test", out);
            attempt = new Attempt(definition, period, true, released.version(), null, (System.nanoTime() - t0) / 1_000_000);
        } catch (ReleaseRefusedException e) {
            attempt = new Attempt(definition, period, false, 0, e.getMessage(), (System.nanoTime() - t0) / 1_000_000);
            // What an analyst would do next (the benchmark's "after"): the recoding the refusal offers.
            java.util.Optional<String> recoding = e.alternatives().stream().filter(a -> a.contains("--recode ")).findFirst();
            if (recode && recoding.isPresent()) {
                String tables = recoding.get().replaceAll(".*--recode ([^)]*)\\).*", "$1");
                try {
                    ReleaseService.Released released = service.release(definition, Period.parse(period), List.of(tables.split(",")), "test", out);
                    attempt = new Attempt(definition, period, true, released.version(), e.getMessage(), (System.nanoTime() - t0) / 1_000_000, true);
                } catch (ReleaseRefusedException again) {
                    // refused after the recoding too
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        attempts.add(attempt);
        int registered = db.jdbc().queryForObject("SELECT count(*) FROM report.release", Integer.class);
        long made = attempts.stream().filter(Attempt::released).count();
        if (registered != made) {
            throw new IllegalStateException("the register holds " + registered + " releases after " + attempts);
        }
        return attempt;
    }

    /** Whether a refused release is tried again with the recoding its refusal offers (the refusal benchmark's "after"). */
    boolean recode = Boolean.getBoolean("releases.benchmark.recode");

    long recoded() {
        return attempts.stream().filter(Attempt::recoded).count();
    }

    long refused() {
        return attempts.stream().filter(a -> !a.released()).count();
    }

    ExactReader.Result read() {
        return ExactReader.read(db.jdbc());
    }

    /** What each release gives away on its own (for messages: which findings need several releases). */
    List<String> alone() {
        List<String> out = new java.util.ArrayList<>();
        for (long id : db.jdbc().queryForList("SELECT release_id FROM report.release ORDER BY release_id", Long.class)) {
            ExactReader.Result r = ExactReader.read(db.jdbc(), ExactReader.Options.DEFAULT.only(java.util.Set.of(id)));
            out.add("release " + id + ": " + r.findings().size() + " findings");
        }
        return out;
    }

    @Override
    public void close() {
        db.drop();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                Path relative = from.relativize(source);
                if (relative.startsWith("example-inbox")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
