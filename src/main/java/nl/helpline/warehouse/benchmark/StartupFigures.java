package nl.helpline.warehouse.benchmark;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.core.metrics.StartupStep;

/**
 * Where opening the warehouse goes, from Spring's own start-up recording: the time each bean
 * took to create, without the beans it created on the way (embedded PostgreSQL, connection pool,
 * Flyway, the rest), and what Spring itself took around them.
 */
final class StartupFigures {

    private StartupFigures() {
    }

    static BufferingApplicationStartup recorder() {
        return new BufferingApplicationStartup(20_000);
    }

    static void print(BufferingApplicationStartup recorder, double openSeconds, PrintStream out) {
        List<StartupTimeline.TimelineEvent> beans = new ArrayList<>();
        for (StartupTimeline.TimelineEvent e : recorder.getBufferedTimeline().getEvents()) {
            if (e.getStartupStep().getName().equals("spring.beans.instantiate")) {
                beans.add(e);
            }
        }
        beans.sort(Comparator.comparing(StartupTimeline.TimelineEvent::getStartTime)
                .thenComparing(Comparator.comparing(StartupTimeline.TimelineEvent::getEndTime).reversed()));
        Map<String, Double> groups = new LinkedHashMap<>();
        groups.put("embedded PostgreSQL start", 0.0);
        groups.put("connection pool", 0.0);
        groups.put("Flyway (validate, migrate)", 0.0);
        groups.put("job repository and jobs", 0.0);
        groups.put("other beans", 0.0);
        double allBeans = 0;
        // Exclusive time: a bean's own time minus the beans created inside it (nested intervals).
        Deque<StartupTimeline.TimelineEvent> open = new ArrayDeque<>();
        Map<StartupTimeline.TimelineEvent, Double> exclusive = new LinkedHashMap<>();
        for (StartupTimeline.TimelineEvent e : beans) {
            while (!open.isEmpty() && !open.peek().getEndTime().isAfter(e.getStartTime())) {
                open.pop();
            }
            double own = e.getDuration().toNanos() / 1e9;
            exclusive.put(e, own);
            if (open.isEmpty()) {
                allBeans += own;
            } else {
                exclusive.merge(open.peek(), -own, Double::sum);
            }
            open.push(e);
        }
        exclusive.forEach((e, seconds) -> groups.merge(group(beanName(e.getStartupStep())), seconds, Double::sum));
        out.printf(Locale.ROOT, "  opening the warehouse in-process       %5.2f s, of which:%n", openSeconds);
        groups.forEach((name, seconds) -> out.printf(Locale.ROOT, "      %-34s %5.2f s%n", name, seconds));
        out.printf(Locale.ROOT, "      %-34s %5.2f s%n", "Spring Boot itself (outside beans)", Math.max(0, openSeconds - allBeans));
    }

    private static String beanName(StartupStep step) {
        for (StartupStep.Tag tag : step.getTags()) {
            if (tag.getKey().equals("beanName")) {
                return tag.getValue();
            }
        }
        return "";
    }

    private static String group(String bean) {
        String name = bean.toLowerCase(Locale.ROOT);
        if (name.equals("embeddedserver")) {
            return "embedded PostgreSQL start";
        }
        if (name.equals("datasource")) {
            return "connection pool";
        }
        if (name.contains("flyway")) {
            return "Flyway (validate, migrate)";
        }
        if (name.contains("job") || name.contains("step") || name.contains("batch")) {
            return "job repository and jobs";
        }
        return "other beans";
    }
}
