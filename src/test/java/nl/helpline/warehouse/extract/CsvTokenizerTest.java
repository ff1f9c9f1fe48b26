package nl.helpline.warehouse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every case runs with tiny buffers too, so quotes, CR LF and "" straddle buffer boundaries. */
class CsvTokenizerTest {

    record Rec(long line, List<String> fields, int lastContent, int unclosed) {
    }

    private static List<Rec> tokenize(String text, int bufferSize) throws IOException {
        CsvTokenizer csv = new CsvTokenizer(new StringReader(text), bufferSize);
        csv.detectDelimiter();
        List<Rec> records = new ArrayList<>();
        while (true) {
            List<String> fields = new ArrayList<>();
            if (!csv.next(new CsvTokenizer.Fields() {
                @Override
                public boolean wants(int position) {
                    return true;
                }

                @Override
                public void field(int position, String value) {
                    fields.add(value);
                }
            })) {
                return records;
            }
            records.add(new Rec(csv.recordLine(), fields, csv.lastContentPosition(), csv.unclosedQuotePosition()));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 64 * 1024})
    void quotedDelimitersEscapedQuotesAndLineBreaks(int buffer) throws IOException {
        String text = "a;b;c\r\n"
                + "1;\"x;y\";\"he said \"\"hi\"\"\"\r\n"
                + "2;\"line one\r\nline two\nline three\";z\r\n"
                + "3;\"\";\r\n";
        List<Rec> records = tokenize(text, buffer);
        assertThat(records).extracting(Rec::line).containsExactly(1L, 2L, 3L, 6L);
        assertThat(records.get(1).fields()).containsExactly("1", "x;y", "he said \"hi\"");
        assertThat(records.get(2).fields()).containsExactly("2", "line one\r\nline two\nline three", "z");
        assertThat(records.get(3).fields()).containsExactly("3", "", "");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 64 * 1024})
    void commaDelimiterIsDetectedFromTheHeader(int buffer) throws IOException {
        List<Rec> records = tokenize("a,b;c,d\n1,\"2,5\",3\n", buffer);
        assertThat(records.get(0).fields()).containsExactly("a", "b;c", "d");
        assertThat(records.get(1).fields()).containsExactly("1", "2,5", "3");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 64 * 1024})
    void emptyLinesAreNotRecordsButCountAsLines(int buffer) throws IOException {
        List<Rec> records = tokenize("\r\na;b\n\n1;2\r\n\r\n\r\n2;3", buffer);
        assertThat(records).extracting(Rec::line).containsExactly(2L, 4L, 7L);
        assertThat(records.get(2).fields()).containsExactly("2", "3");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 64 * 1024})
    void loneCarriageReturnsEndLinesToo(int buffer) throws IOException {
        List<Rec> records = tokenize("a;b\r1;\"x\ry\"\r2;3\r", buffer);
        assertThat(records).extracting(Rec::line).containsExactly(1L, 2L, 4L);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64 * 1024})
    void onlyDelimitersHaveNoContent(int buffer) throws IOException {
        List<Rec> records = tokenize("a;b;c\n;;\n ;\"\"; \u00A0\n;;x\n", buffer);
        assertThat(records).extracting(Rec::lastContent).containsExactly(2, -1, -1, 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64 * 1024})
    void unclosedQuoteRunsToTheEndAndIsFlagged(int buffer) throws IOException {
        List<Rec> records = tokenize("a;b\n1;2\n3;\"never closed\n4;5\n", buffer);
        assertThat(records).hasSize(3);
        assertThat(records.get(2).line()).isEqualTo(3);
        assertThat(records.get(2).unclosed()).isEqualTo(1);
        assertThat(records.get(1).unclosed()).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64 * 1024})
    void textAfterAClosingQuoteIsKeptAndAQuoteInsideAFieldIsLiteral(int buffer) throws IOException {
        List<Rec> records = tokenize("a;b\n\"x\"y;5\"\n", buffer);
        assertThat(records.get(1).fields()).containsExactly("xy", "5\"");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64 * 1024})
    void unwantedFieldsAreNotMaterialised(int buffer) throws IOException {
        CsvTokenizer csv = new CsvTokenizer(new StringReader("a;secret;c\n1;\"Jan\nJansen\";3\n"), buffer);
        csv.detectDelimiter();
        List<String> seen = new ArrayList<>();
        CsvTokenizer.Fields skipSecond = new CsvTokenizer.Fields() {
            @Override
            public boolean wants(int position) {
                return position != 1;
            }

            @Override
            public void field(int position, String value) {
                seen.add(value);
            }
        };
        csv.next(skipSecond);
        csv.next(skipSecond);
        assertThat(seen).containsExactly("a", "c", "1", "3");
        assertThat(csv.recordLine()).isEqualTo(2);
        assertThat(csv.lastContentPosition()).isEqualTo(2);
    }
}
