package nl.helpline.warehouse.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The nights on which the nightly run also checks the whole warehouse ({@code verify_on} in
 * {@code jobs/schedule.yml}; default Sunday). Every run checks what it touched; the whole
 * warehouse costs time in proportion to its size, so it has a calendar of its own.
 */
public record VerifyCalendar(Set<DayOfWeek> days) {

    public VerifyCalendar {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    public static VerifyCalendar weekly() {
        return new VerifyCalendar(Set.of(DayOfWeek.SUNDAY));
    }

    public boolean due(LocalDate night) {
        return days.contains(night.getDayOfWeek());
    }

    /** From {@code jobs/schedule.yml} in the working directory, else the copy packaged in the jar. */
    public static VerifyCalendar load(Path jobsDir) throws IOException {
        Path file = jobsDir.resolve("schedule.yml");
        try (InputStream in = Files.exists(file) ? Files.newInputStream(file)
                : VerifyCalendar.class.getClassLoader().getResourceAsStream("jobs/schedule.yml")) {
            if (in == null) {
                return weekly();
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (root == null || !root.containsKey("verify_on")) {
                return weekly();
            }
            return parse(root.get("verify_on"));
        }
    }

    static VerifyCalendar parse(Object value) {
        if (value == null) {
            return new VerifyCalendar(Set.of());
        }
        List<?> entries = value instanceof List<?> list ? list : List.of(value);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Object entry : entries) {
            String day = String.valueOf(entry).strip().toUpperCase(Locale.ROOT);
            if (day.equals("DAILY")) {
                days.addAll(EnumSet.allOf(DayOfWeek.class));
                continue;
            }
            try {
                days.add(DayOfWeek.valueOf(day));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("verify_on in schedule.yml: '" + entry
                        + "' is not a day of the week (MONDAY … SUNDAY) or daily");
            }
        }
        return new VerifyCalendar(days);
    }
}
