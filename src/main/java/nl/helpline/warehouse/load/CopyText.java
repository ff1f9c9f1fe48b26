package nl.helpline.warehouse.load;

import java.util.HexFormat;

/** Builds rows in PostgreSQL's COPY text format (tab-separated, {@code \N} for NULL). */
final class CopyText {

    private static final HexFormat HEX = HexFormat.of();

    private final StringBuilder line = new StringBuilder(256);

    CopyText start() {
        line.setLength(0);
        return this;
    }

    CopyText value(Object value) {
        separator();
        if (value == null) {
            line.append("\\N");
        } else {
            escape(value.toString());
        }
        return this;
    }

    CopyText bytea(byte[] value) {
        separator();
        line.append("\\\\x").append(HEX.formatHex(value));
        return this;
    }

    /** An array of small keys, e.g. {@code {1,5}}. */
    CopyText keys(short[] keys) {
        separator();
        line.append('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(keys[i]);
        }
        line.append('}');
        return this;
    }

    String end() {
        return line.append('\n').toString();
    }

    private void separator() {
        if (!line.isEmpty()) {
            line.append('\t');
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }
}
