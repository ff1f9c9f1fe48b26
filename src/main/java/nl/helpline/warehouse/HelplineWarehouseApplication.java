package nl.helpline.warehouse;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;

import nl.helpline.warehouse.warehouse.PseudonymKey;

/**
 * The Spring application behind the commands that touch the warehouse. It is started by
 * {@link nl.helpline.warehouse.cli.Main} for one command and closed when that command ends.
 *
 * <p>Beans are created when a command first needs them (spring.main.lazy-initialization in
 * application.yml): {@code status} needs no jobs, no report service, no value mappings. Measured
 * on `status`: about 40 % less CPU at start-up. Two things still happen at every start, whatever
 * the command: Flyway brings the warehouse to the current schema (nothing may query it before),
 * and the pseudonym key is resolved (an external warehouse without one refuses to start).
 */
@SpringBootApplication
public class HelplineWarehouseApplication {

    @Bean
    static LazyInitializationExcludeFilter migrateAndResolveTheKeyAtStartUp() {
        return LazyInitializationExcludeFilter.forBeanTypes(FlywayMigrationInitializer.class, PseudonymKey.class);
    }
}
