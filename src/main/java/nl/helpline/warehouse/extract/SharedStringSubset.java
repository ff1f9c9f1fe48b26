package nl.helpline.warehouse.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.BitSet;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The entries of a workbook's shared-strings table that a reader asked for, and no others.
 *
 * <p>Excel stores every text cell in one table, so loading it whole (as POI's
 * ReadOnlySharedStringsTable does) would hold every name, phone number and note of the export in
 * memory, and for a large export more memory than the rows themselves. The reader first finds
 * which entries the contract's non-personal columns use; only those are kept, packed into one
 * character array addressed by rank in the wanted set (a String per entry would cost some forty
 * bytes of overhead each, and an export of a million requests has a million request numbers).
 *
 * <p>Bounded whatever the workbook holds: an entry longer than the caller's limit is kept as
 * "too long" without its text, and all kept text together may not exceed the caller's budget.
 */
final class SharedStringSubset {

    /**
     * Highest shared-string index a cell may refer to: 2^26, some 67 million, above the 19 million
     * distinct texts a full sheet (1,048,576 rows of 18 columns) can have, and small enough that
     * the set of wanted indices costs at most 8 MB.
     */
    static final int MAX_INDEX = (1 << 26) - 1;

    private final long[] words;
    /** Wanted entries before each 64-bit word of {@link #words}. */
    private final int[] rankBefore;
    /** Per rank: where its text ends in {@link #chars} (it starts where the previous one ends). */
    private final int[] ends;
    private final BitSet tooLong = new BitSet();
    private char[] chars = new char[1024];
    private int length;
    /** Entries of the table read; the table's size when the whole table was read. */
    private int entriesSeen;

    private SharedStringSubset(BitSet wanted) {
        this.words = wanted.toLongArray();
        this.rankBefore = new int[words.length];
        int rank = 0;
        for (int i = 0; i < words.length; i++) {
            rankBefore[i] = rank;
            rank += Long.bitCount(words[i]);
        }
        this.ends = new int[rank];
    }

    /**
     * Reads the wanted entries from the shared-strings part, stopping after the last of them.
     *
     * @param maxEntry   longest entry kept with its text; a longer one is only marked {@link #tooLong}
     * @param maxChars   most characters kept in all; more rejects the workbook
     */
    static SharedStringSubset load(InputStream sharedStrings, BitSet wanted, int maxEntry, int maxChars, String part)
            throws IOException, WorkbookException {
        SharedStringSubset subset = new SharedStringSubset(wanted);
        if (wanted.isEmpty()) {
            return subset;
        }
        Sax.parse(sharedStrings, subset.new Handler(wanted, maxEntry, maxChars, part), part);
        return subset;
    }

    /** The entry's text, or null when it was not asked for, is not in the table, or is too long. */
    String get(int index) {
        int rank = rank(index);
        if (rank < 0 || tooLong.get(rank) || index >= entriesSeen) {
            return null;
        }
        int start = rank == 0 ? 0 : ends[rank - 1];
        return new String(chars, start, ends[rank] - start);
    }

    /** Whether the entry was asked for and is longer than the limit it was loaded with. */
    boolean tooLong(int index) {
        int rank = rank(index);
        return rank >= 0 && tooLong.get(rank);
    }

    /**
     * Whether the table has an entry with this index. The table is read only up to the last wanted
     * entry, so this is certain for wanted indices, which is all a reader asks about.
     */
    boolean exists(int index) {
        return index >= 0 && index < entriesSeen;
    }

    /** Entries the table holds as far as it was read (all of them when it ended before a wanted one). */
    int entriesSeen() {
        return entriesSeen;
    }

    int size() {
        return ends.length;
    }

    private int rank(int index) {
        int word = index >>> 6;
        if (index < 0 || word >= words.length) {
            return -1;
        }
        long bit = 1L << (index & 63);
        if ((words[word] & bit) == 0) {
            return -1;
        }
        return rankBefore[word] + Long.bitCount(words[word] & (bit - 1));
    }

    /** {@code <sst><si><t/></si><si><r><t/></r><rPh><t/></rPh></si>…}: phonetic runs are not text. */
    private final class Handler extends DefaultHandler {
        private final BitSet wanted;
        private final int last;
        private final int maxEntry;
        private final int maxChars;
        private final String part;
        private int index = -1;
        private int slot;
        private int entryStart;
        private boolean keep;
        private boolean entryTooLong;
        private boolean inText;
        private boolean inPhonetic;

        Handler(BitSet wanted, int maxEntry, int maxChars, String part) {
            this.wanted = wanted;
            this.last = wanted.length() - 1;
            this.maxEntry = maxEntry;
            this.maxChars = maxChars;
            this.part = part;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (Sax.name(localName, qName)) {
                case "si" -> {
                    index++;
                    keep = wanted.get(index);
                    entryStart = length;
                    entryTooLong = false;
                }
                case "t" -> inText = keep && !inPhonetic;
                case "rPh" -> inPhonetic = true;
                default -> {
                    // runs and their properties
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws Sax.Stop {
            switch (Sax.name(localName, qName)) {
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                case "si" -> {
                    entriesSeen = index + 1;
                    if (keep) {
                        if (entryTooLong) {
                            length = entryStart;
                            tooLong.set(slot);
                        }
                        ends[slot++] = length;
                    }
                    keep = false;
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
        public void characters(char[] ch, int start, int count) throws Sax.Reject {
            if (!inText || entryTooLong) {
                return;
            }
            if (length - entryStart + count > maxEntry) {
                entryTooLong = true;
                return;
            }
            if (length + count > maxChars) {
                throw new Sax.Reject(part + ": the shared strings that the contract's columns use hold more than "
                        + maxChars / 1_000_000 + " million characters; an export never holds so much text in them");
            }
            if (length + count > chars.length) {
                chars = Arrays.copyOf(chars, (int) Math.min(maxChars, Math.max((long) chars.length * 2, length + count)));
            }
            System.arraycopy(ch, start, chars, length, count);
            length += count;
        }
    }
}
