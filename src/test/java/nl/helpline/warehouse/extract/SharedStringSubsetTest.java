package nl.helpline.warehouse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

import org.junit.jupiter.api.Test;

class SharedStringSubsetTest {

    private static final String SST = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">
              <si><t>Verzoeknummer</t></si>
              <si><t>Jantje Geheimnaam</t></si>
              <si><r><rPr><b/></rPr><t>Rechts</t></r><r><t xml:space="preserve">-extremisme</t></r></si>
              <si><t>0699911122</t></si>
              <si><t>Telefoon</t><rPh sb="0" eb="1"><t>テレフォン</t></rPh></si>
              <si><t>Vertrouwelijke zorg</t></si>
            </sst>
            """;

    @Test
    void keepsOnlyTheWantedEntriesAndJoinsRichTextRuns() throws Exception {
        BitSet wanted = new BitSet();
        wanted.set(0);
        wanted.set(2);
        wanted.set(4);
        SharedStringSubset subset = SharedStringSubset.load(stream(SST), wanted);
        assertThat(subset.size()).isEqualTo(3);
        assertThat(subset.get(0)).isEqualTo("Verzoeknummer");
        assertThat(subset.get(2)).isEqualTo("Rechts-extremisme");
        assertThat(subset.get(4)).as("phonetic runs are not text").isEqualTo("Telefoon");
        assertThat(subset.get(1)).isNull();
        assertThat(subset.get(3)).isNull();
        assertThat(subset.get(5)).isNull();
        assertThat(subset.get(99)).isNull();
        assertThat(subset.get(-1)).isNull();
    }

    @Test
    void stopsReadingAfterTheLastWantedEntry() throws Exception {
        BitSet wanted = new BitSet();
        wanted.set(0);
        String truncated = SST.substring(0, SST.indexOf("<si><t>Jantje")) + "<si><t>broken";   // not even well-formed
        assertThat(SharedStringSubset.load(stream(truncated), wanted).get(0)).isEqualTo("Verzoeknummer");
    }

    @Test
    void ranksAcrossManyWords() throws Exception {
        StringBuilder xml = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        BitSet wanted = new BitSet();
        for (int i = 0; i < 1000; i++) {
            xml.append("<si><t>s").append(i).append("</t></si>");
            if (i % 7 == 0) {
                wanted.set(i);
            }
        }
        SharedStringSubset subset = SharedStringSubset.load(stream(xml.append("</sst>").toString()), wanted);
        for (int i = 0; i < 1000; i++) {
            assertThat(subset.get(i)).isEqualTo(i % 7 == 0 ? "s" + i : null);
        }
    }

    private static ByteArrayInputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
