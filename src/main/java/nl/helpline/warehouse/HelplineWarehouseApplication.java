package nl.helpline.warehouse;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring application behind the commands that touch the warehouse. It is started by
 * {@link nl.helpline.warehouse.cli.Main} for one command and closed when that command ends.
 */
@SpringBootApplication
public class HelplineWarehouseApplication {
}
