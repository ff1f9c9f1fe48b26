package nl.helpline.warehouse.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The entries of a workbook's shared-strings table that a reader asked for, and no others.
 *
 * <p>Excel stores every text cell in one table, so loading it whole (as POI's
 * ReadOnlySharedStringsTable does) would hold every name, phone number and note of the export in
 * memory, and for a large export more memory than the rows themselves. The reader first finds
 * which entries the contract's non-personal columns use; only those are kept, in an array
 * addressed by rank in the wanted set.
 */
final class SharedStringSubset {

    private final long[] words;
    /** Wanted entries before each 64-bit word of {@link #words}. */
    private final int[] rankBefore;
    private final String[] values;

    private SharedStringSubset(BitSet wanted) {
        this.words = wanted.toLongArray();
        this.rankBefore = new int[words.length];
        int rank = 0;
        for (int i = 0; i < words.length; i++) {
            rankBefore[i] = rank;
            rank += Long.bitCount(words[i]);
        }
        this.values = new String[rank];
    }

    /** Reads the wanted entries from the shared-strings part, stopping after the last of them. */
    static SharedStringSubset load(InputStream sharedStrings, BitSet wanted) throws IOException, SAXException {
        SharedStringSubset subset = new SharedStringSubset(wanted);
        if (wanted.isEmpty()) {
            return subset;
        }
        Sax.parse(sharedStrings, subset.new Handler(wanted));
        return subset;
    }

    /** The entry's text, or null when it was not asked for. */
    String get(int index) {
        int word = index >>> 6;
        if (index < 0 || word >= words.length) {
            return null;
        }
        long bit = 1L << (index & 63);
        if ((words[word] & bit) == 0) {
            return null;
        }
        return values[rankBefore[word] + Long.bitCount(words[word] & (bit - 1))];
    }

    int size() {
        return values.length;
    }

    /** {@code <sst><si><t/></si><si><r><t/></r><rPh><t/></rPh></si>…}: phonetic runs are not text. */
    private final class Handler extends DefaultHandler {
        private final BitSet wanted;
        private final int last;
        private final StringBuilder text = new StringBuilder();
        private int index = -1;
        private int slot;
        private boolean keep;
        private boolean inText;
        private boolean inPhonetic;

        Handler(BitSet wanted) {
            this.wanted = wanted;
            this.last = wanted.length() - 1;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (Sax.name(localName, qName)) {
                case "si" -> {
                    index++;
                    keep = wanted.get(index);
                    text.setLength(0);
                }
                case "t" -> inText = keep && !inPhonetic;
                case "rPh" -> inPhonetic = true;
                default -> {
                    // runs and their properties
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (Sax.name(localName, qName)) {
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                case "si" -> {
                    if (keep) {
                        values[slot++] = text.toString();
                    }
                    if (index >= last) {
                        throw new Sax.Stop();
                    }
                }
                default -> {
                    // nothing to close
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                text.append(ch, start, length);
            }
        }
    }
}
