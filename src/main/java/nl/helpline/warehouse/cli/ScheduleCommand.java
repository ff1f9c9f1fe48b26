package nl.helpline.warehouse.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.support.CronExpression;

import nl.helpline.warehouse.schedule.NightlyJobConfiguration;
import nl.helpline.warehouse.schedule.ScheduleSettings;

/**
 * Stays running and starts the nightly run on a cron expression. A failed run is logged and the
 * next one still happens. On SIGTERM a running job is stopped between two files (so `restart`
 * or the next night resumes it) before the process exits. After every run a health file says
 * when the last run ended and how.
 */
final class ScheduleCommand implements Command {

    private static final Logger log = LoggerFactory.getLogger(ScheduleCommand.class);

    @Override
    public String name() {
        return "schedule";
    }

    @Override
    public String summary() {
        return "stay running and start the nightly run on a cron expression";
    }

    @Override
    public String help() {
        return """
                Usage: helpline-warehouse schedule [--cron EXPR] [--health FILE] [--runs N] [run options] [database options]

                Starts `run` on the cron expression of jobs/schedule.yml (default "0 0 2 * * *": every
                night at 02:00, Europe/Amsterdam). A failed run is logged and the next still happens;
                SIGTERM stops a running job cleanly (resume it with `restart`, or the next night does).

                  --cron EXPR      overrides the schedule: second minute hour day month weekday
                  --health FILE    where the health line goes (default <out>/health.json): when the
                                   last run ended, how, and when the next starts
                  --runs N         stop after N runs (for trials); default: run until stopped
                  --inbox, --out   as for run
                """ + WarehouseSession.SETTLE_HELP + WarehouseSession.DATABASE_HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(WarehouseSession.DATABASE_OPTIONS);
        valued.addAll(RunCommand.OPTIONS);
        valued.addAll(Set.of("cron", "health", "runs"));
        Options options = Options.parse(name(), args, valued, Set.of());
        Path inbox = options.folder("inbox", Path.of("inbox"));
        Path outbox = options.folder("out", Path.of("out"));
        RunCommand.night(options);
        Map<String, Object> properties = WarehouseSession.inboxProperties(options);
        Path health = options.path("health").orElse(outbox.resolve("health.json"));
        long maxRuns = options.positive("runs", Long.MAX_VALUE, Long.MAX_VALUE);
        Files.createDirectories(inbox);

        ConfigurableApplicationContext context = WarehouseSession.open(options, properties, false);
        ScheduleSettings settings = context.getBean(ScheduleSettings.class);
        String cronText = options.string("cron").orElse(settings.cron());
        CronExpression cron;
        try {
            cron = CronExpression.parse(cronText);
        } catch (IllegalArgumentException e) {
            context.close();
            throw new UsageException("--cron '" + cronText + "' is not a cron expression (second minute hour day month weekday): " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread worker = Thread.currentThread();
        Thread hook = new Thread(() -> {
            log.info("Stopping: asking a running job to stop after its current file");
            stopRunningJob(context);
            worker.interrupt();
            try {
                stopped.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "schedule-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long runs = 0;
        int lastExit = ExitCode.OK;
        try {
            out.printf("Scheduled: '%s' in %s; health in %s%n", cronText, settings.zone(), health);
            while (runs < maxRuns) {
                ZonedDateTime next = cron.next(ZonedDateTime.now(settings.zone()));
                if (next == null) {
                    throw new UsageException("--cron '" + cronText + "' never fires again");
                }
                writeHealth(health, runs == 0 ? null : lastExit, next);
                Duration wait = Duration.between(ZonedDateTime.now(settings.zone()), next);
                if (!wait.isNegative()) {
                    Thread.sleep(wait.toMillis());
                }
                runs++;
                try {
                    lastExit = RunCommand.once(context, options, inbox, out, err);
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    // The next night must still happen; the failure is in the log, the history and the health line.
                    lastExit = e instanceof nl.helpline.warehouse.warehouse.WarehouseBusyException ? ExitCode.BUSY : ExitCode.FAILED;
                    log.error("Run {} failed: {}", runs, e.getMessage());
                    err.println("Run failed: " + e.getMessage());
                }
                log.info("Run {} ended with exit code {}", runs, lastExit);
                writeHealth(health, lastExit, cron.next(ZonedDateTime.now(settings.zone())));
            }
            return lastExit;
        } catch (InterruptedException e) {
            out.println("Stopped.");
            return ExitCode.OK;
        } finally {
            context.close();
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is what brought us here
            }
        }
    }

    private static void stopRunningJob(ConfigurableApplicationContext context) {
        try {
            JobRepository repository = context.getBean(JobRepository.class);
            JobOperator operator = context.getBean(JobOperator.class);
            for (String job : List.of(NightlyJobConfiguration.JOB_NAME, "load")) {
                for (JobExecution execution : repository.findRunningJobExecutions(job)) {
                    operator.stop(execution);
                }
            }
        } catch (Exception e) {
            log.warn("Could not stop the running job cleanly: {}", e.getMessage());
        }
    }

    private static void writeHealth(Path file, Integer lastExit, ZonedDateTime next) {
        String json = String.format("{\"lastRunEndedAt\":%s,\"lastExitCode\":%s,\"lastOutcome\":%s,\"nextRunAt\":\"%s\",\"pid\":%d}%n",
                lastExit == null ? "null" : "\"" + Instant.now() + "\"",
                lastExit == null ? "null" : lastExit.toString(),
                lastExit == null ? "null" : "\"" + outcome(lastExit) + "\"",
                next == null ? "" : next.toOffsetDateTime(), ProcessHandle.current().pid());
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Cannot write the health file {}: {}", file, e.getMessage());
        }
    }

    private static String outcome(int exit) {
        return switch (exit) {
            case ExitCode.OK -> "ok";
            case ExitCode.DONE_WITH_REJECTS -> "done with rejects";
            case ExitCode.BUSY -> "skipped: warehouse busy";
            default -> "failed";
        };
    }
}
