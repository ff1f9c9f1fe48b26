package nl.helpline.warehouse.mart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import nl.helpline.warehouse.support.TestDatabase;

/** sql/data-dictionary.md is what the catalog of a freshly migrated warehouse says, byte for byte. */
class DataDictionaryTest {

    private static final Path COMMITTED = Path.of("sql", "data-dictionary.md");

    @Test
    void theCommittedDictionaryIsWhatTheCatalogSays() throws IOException {
        TestDatabase db = Warehouses.migrated();
        String generated = DataDictionary.render(db.jdbc());
        if (Boolean.getBoolean("data-dictionary.write")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        String stale = COMMITTED + " does not match the migrations' COMMENT ONs any more. Regenerate it with\n    "
                + DataDictionary.REGENERATE + "\nand commit it with the migration.";
        byte[] committed = Files.exists(COMMITTED) ? Files.readAllBytes(COMMITTED) : new byte[0];
        assertEquals(generated, new String(committed, StandardCharsets.UTF_8), stale);
        assertArrayEquals(generated.getBytes(StandardCharsets.UTF_8), committed, stale);
    }

    @Test
    void renderingTwiceGivesTheSameBytes() {
        TestDatabase db = Warehouses.migrated();
        assertEquals(DataDictionary.render(db.jdbc()), DataDictionary.render(db.jdbc()));
    }
}
