package nl.helpline.warehouse.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The value mapping the tests read with: the shipped jobs/mappings.yml itself. */
final class TestMappings {

    private static final ValueMapping MAPPING = load();

    private TestMappings() {
    }

    static ValueMapping mapping() {
        return MAPPING;
    }

    private static ValueMapping load() {
        try {
            return ValueMapping.load(Path.of("jobs/mappings.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
