package nl.helpline.warehouse.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

import nl.helpline.warehouse.verify.Findings;
import nl.helpline.warehouse.verify.WarehouseChecks;
import nl.helpline.warehouse.warehouse.WarehouseLock;

/** The full check of the whole warehouse, which a nightly run no longer makes. */
final class VerifyCommand implements Command {

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return "check the whole warehouse: every request in the facts once, in its newest version, nothing astray";
    }

    @Override
    public String help() {
        return """
                Usage: helpline-warehouse verify [database options]

                Checks every request the warehouse knows: each one whose newest version stands is in
                the facts exactly once, in that version; withdrawn ones (Vervallen) are not; no two
                share a key; every fact and bridge row points at a member (and a fact) that exists.
                Each run already checks the requests it touched; this reads everything, so its time
                grows with the warehouse. The nightly run also does it on the days listed under
                verify_on in jobs/schedule.yml.
                """ + WarehouseSession.DATABASE_HELP + """

                Exit codes: 0 in order, 3 not in order (what is wrong is printed) or failed,
                4 another run holds the warehouse.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(name(), args, WarehouseSession.DATABASE_OPTIONS, Set.of());
        try (ConfigurableApplicationContext context = WarehouseSession.open(options, Map.of());
             WarehouseLock lock = WarehouseLock.acquire(context.getBean(DataSource.class))) {
            long start = System.nanoTime();
            Findings findings = new WarehouseChecks(context.getBean(DataSource.class))
                    .verify(context.getBean(PlatformTransactionManager.class));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (findings.inOrder()) {
                out.printf(Locale.ROOT, "Verified the whole warehouse: %,d requests, all in order (%.1f s).%n", findings.requests(), seconds);
                return ExitCode.OK;
            }
            out.printf(Locale.ROOT, "The warehouse is NOT in order (%,d requests checked in %.1f s):%n", findings.requests(), seconds);
            for (String problem : findings.problems()) {
                out.println("  - " + problem);
            }
            err.println("Verification failed: the warehouse is not in order. Restore it from a backup taken after a run that "
                    + "verified, or rebuild it from the exports; the problems above say what is wrong.");
            return ExitCode.FAILED;
        }
    }
}
