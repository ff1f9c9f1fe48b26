package nl.helpline.warehouse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        SharedStringSubset subset = load(SST, wanted);
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
        assertThat(load(truncated, wanted).get(0)).isEqualTo("Verzoeknummer");
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
        SharedStringSubset subset = load(xml.append("</sst>").toString(), wanted);
        for (int i = 0; i < 1000; i++) {
            assertThat(subset.get(i)).isEqualTo(i % 7 == 0 ? "s" + i : null);
        }
    }

    @Test
    void anEntryLongerThanTheLimitIsMarkedNotKept() throws Exception {
        BitSet wanted = new BitSet();
        wanted.set(0);
        wanted.set(1);
        String xml = "<sst><si><t>" + "x".repeat(500) + "</t></si><si><t>kort</t></si></sst>";
        SharedStringSubset subset = SharedStringSubset.load(stream(xml), wanted, 100, 1000, "/xl/sharedStrings.xml");
        assertThat(subset.tooLong(0)).isTrue();
        assertThat(subset.get(0)).isNull();
        assertThat(subset.get(1)).isEqualTo("kort");
        assertThat(subset.tooLong(1)).isFalse();
    }

    @Test
    void moreTextThanTheBudgetRejectsTheWorkbookNamingThePart() {
        BitSet wanted = new BitSet();
        StringBuilder xml = new StringBuilder("<sst>");
        for (int i = 0; i < 100; i++) {
            wanted.set(i);
            xml.append("<si><t>").append("y".repeat(50)).append("</t></si>");
        }
        assertThatThrownBy(() -> SharedStringSubset.load(stream(xml.append("</sst>").toString()), wanted, 100, 1000,
                "/xl/sharedStrings.xml")).isInstanceOf(WorkbookException.class).hasMessageContaining("/xl/sharedStrings.xml");
    }

    @Test
    void aTableShorterThanAWantedIndexSaysSo() throws Exception {
        BitSet wanted = new BitSet();
        wanted.set(1);
        wanted.set(5);
        SharedStringSubset subset = load(SST, wanted);
        assertThat(subset.exists(1)).isTrue();
        assertThat(subset.exists(5)).isTrue();
        wanted.set(6);
        subset = load(SST, wanted);
        assertThat(subset.entriesSeen()).isEqualTo(6);
        assertThat(subset.exists(6)).isFalse();
        assertThat(subset.get(6)).isNull();
    }

    private static SharedStringSubset load(String xml, BitSet wanted) throws Exception {
        return SharedStringSubset.load(stream(xml), wanted, CsvTokenizer.MAX_FIELD, Integer.MAX_VALUE, "/xl/sharedStrings.xml");
    }

    private static ByteArrayInputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
