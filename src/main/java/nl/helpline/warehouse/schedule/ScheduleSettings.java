package nl.helpline.warehouse.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** {@code jobs/schedule.yml}: when the nightly run starts, which reports it writes, what it purges. */
/**
 * @param autoRelease whether the nightly run releases a closed half-year or year (after its grace
 *                    days) by itself; off by default: a release is an act someone answers for
 */
public record ScheduleSettings(String cron, ZoneId zone, int graceDays, int retentionDays, List<String> definitions,
                               boolean autoRelease) {

    public ScheduleSettings {
        definitions = List.copyOf(definitions);
        if (graceDays < 0 || retentionDays < 1) {
            throw new IllegalArgumentException("grace_days must be 0 or more and retention_days 1 or more");
        }
    }

    public static ScheduleSettings defaults() {
        return new ScheduleSettings("0 0 2 * * *", ZoneId.of("Europe/Amsterdam"), 30, 365, List.of("helpline"), false);
    }

    /** {@code jobs/schedule.yml} from the working directory, else the copy packaged in the jar. */
    public static ScheduleSettings load(Path jobsDir) throws IOException {
        Path file = jobsDir.resolve("schedule.yml");
        try (InputStream in = Files.exists(file) ? Files.newInputStream(file)
                : ScheduleSettings.class.getClassLoader().getResourceAsStream("jobs/schedule.yml")) {
            if (in == null) {
                return defaults();
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            ScheduleSettings d = defaults();
            @SuppressWarnings("unchecked")
            List<String> definitions = (List<String>) root.getOrDefault("definitions", d.definitions());
            return new ScheduleSettings(
                    String.valueOf(root.getOrDefault("cron", d.cron())),
                    ZoneId.of(String.valueOf(root.getOrDefault("zone", d.zone().getId()))),
                    ((Number) root.getOrDefault("grace_days", d.graceDays())).intValue(),
                    ((Number) root.getOrDefault("retention_days", d.retentionDays())).intValue(),
                    definitions,
                    Boolean.TRUE.equals(root.getOrDefault("auto_release", d.autoRelease())));
        }
    }
}
