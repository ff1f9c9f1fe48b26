package nl.helpline.warehouse.cli;

import java.util.Iterator;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;

/**
 * Standard output carries what a command is for (a summary, JSON); every log line goes to
 * standard error, plain or structured ({@code --log-format}), so that {@code status --json | jq}
 * and {@code load --summary - | jq} work. Spring Boot's console appender writes to standard
 * output and has no setting for that; this points every console appender at standard error
 * right after Spring Boot configured logging (and once before, for what logs without Spring).
 */
final class StandardErrorLogging implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static void apply() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders(); appenders.hasNext(); ) {
                if (appenders.next() instanceof ConsoleAppender<ILoggingEvent> console && !"System.err".equals(console.getTarget())) {
                    console.stop();
                    console.setTarget("System.err");
                    console.start();
                }
            }
        }
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        apply();
    }

    /** Right after Spring Boot's logging listener has (re)configured logback. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
