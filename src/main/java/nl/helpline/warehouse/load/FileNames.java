package nl.helpline.warehouse.load;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * File names as the inbox's writers chose them: any bytes but '/' and NUL. The load handles
 * them as {@link Path} objects (which keep the bytes) and shows them escaped, so that a name
 * can neither forge a line of a log, summary or reason file, nor depend on the locale the
 * process runs in (cron and systemd often give none: {@code LANG=C}).
 */
public final class FileNames {

    /** Linux and most file systems: a name is at most 255 bytes. */
    static final int MAX_NAME_BYTES = 255;

    private FileNames() {
    }

    /**
     * The name's bytes as UTF-8 text where they are valid UTF-8, with control characters,
     * backslashes, invisible format characters and invalid bytes escaped ({@code \n},
     * {@code \x1b}, {@code \u202e}): one printable line whatever the name holds.
     */
    public static String display(Path name) {
        Path last = name.getFileName() == null ? name : name.getFileName();
        return escapeBytes(bytes(last));
    }

    /** The same escaping for text that may quote a name or a value (reasons, messages). */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> appendEscaped(out, cp));
        return out.toString();
    }

    /**
     * Text that was escaped before (a recorded name or reason), made safe to print once more:
     * control and invisible characters escaped, backslashes left as they are (escaping them again
     * would double them).
     */
    public static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\\') {
                out.append('\\');
            } else {
                appendEscaped(out, cp);
            }
        });
        return out.toString();
    }

    /**
     * The exact bytes of a path, whatever the JVM's file-name encoding: {@code toUri()}
     * percent-encodes the bytes the path holds, where {@code toString()} would decode them
     * (lossily, under {@code LANG=C}).
     */
    static byte[] bytes(Path path) {
        String raw = path.toAbsolutePath().toUri().getRawPath();
        int slash = raw.endsWith("/") ? raw.lastIndexOf('/', raw.length() - 2) : raw.lastIndexOf('/');
        String encoded = raw.substring(slash + 1, raw.endsWith("/") ? raw.length() - 1 : raw.length());
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write((byte) c);
            }
        }
        return out.toByteArray();
    }

    /**
     * Whether the name survives being written as text and read back (it is valid in the JVM's
     * file-name encoding): only such names can be recorded as {@code archived_to} and found
     * again by retention. Under {@code LANG=C} any non-ASCII name fails this.
     */
    static boolean representable(Path name) {
        try {
            String text = name.toString();
            return text.indexOf('\uFFFD') < 0 && Path.of(text).equals(name);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Whether the name is one of the exports the load reads: {@code *.csv} or {@code *.xlsx}, any case. */
    static boolean isExport(Path name) {
        return extension(name) != null;
    }

    /** {@code .csv} or {@code .xlsx} in lower case, or null. */
    static String extension(Path name) {
        String lower = escapeBytes(bytes(name)).toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return ".csv";
        }
        if (lower.endsWith(".xlsx")) {
            return ".xlsx";
        }
        return null;
    }

    static boolean hidden(Path name) {
        byte[] b = bytes(name);
        return b.length > 0 && b[0] == '.';
    }

    /**
     * The name under which an export is archived when its own name is taken: the name with
     * the first 12 hex digits of its SHA-256 (and a counter) before the extension, shortened
     * so the result fits in 255 bytes. A name that cannot be recorded as text (see
     * {@link #representable}) is archived as {@code export-<sha256 prefix><ext>}.
     */
    static String alternativeName(Path name, String sha256, int attempt) {
        String ext = extension(name);
        String suffix = "." + (sha256 == null ? "unread" : sha256.substring(0, 12)) + (attempt > 1 ? "-" + attempt : "")
                + (ext == null ? "" : ext);
        if (!representable(name)) {
            return "export-" + (sha256 == null ? "unread" : sha256.substring(0, 16)) + (attempt > 1 ? "-" + attempt : "")
                    + (ext == null ? "" : ext);
        }
        String text = name.toString();
        String base = ext != null && text.toLowerCase(Locale.ROOT).endsWith(ext) ? text.substring(0, text.length() - ext.length()) : text;
        return fitted(base, MAX_NAME_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length) + suffix;
    }

    /** The longest prefix of the text (whole characters) that is at most {@code maxBytes} in UTF-8. */
    static String fitted(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > maxBytes) {
                break;
            }
            bytes += n;
            end += Character.charCount(cp);
        }
        return text.substring(0, end);
    }

    private static String escapeBytes(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chars = CharBuffer.allocate(bytes.length + 1);
        while (in.hasRemaining()) {
            chars.clear();
            var result = decoder.decode(in, chars, true);
            chars.flip();
            chars.toString().codePoints().forEach(cp -> appendEscaped(out, cp));
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    out.append(String.format("\\x%02x", in.get() & 0xFF));
                }
            } else if (result.isUnderflow()) {
                break;
            }
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, int cp) {
        switch (cp) {
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
                    out.append(String.format("\\x%02x", cp));
                } else if (invisible(cp)) {
                    out.append(String.format("\\u%04x", cp));
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }

    /** Line and paragraph separators, bidirectional overrides and other format characters. */
    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return cp == 0xFFFD || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE;
    }
}
