package nl.helpline.warehouse.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides a CSV file's character set the way the contract defines it: a file that is valid UTF-8
 * (with or without BOM) is UTF-8, any other file is Windows-1252.
 *
 * <p>The whole file is validated in a first streaming pass before any row is read. Validating
 * only a prefix would misread a file whose first non-ASCII byte sits far in, and decoding
 * optimistically with a fall-back would have already passed rows to the sink by the time the
 * bad byte shows up. The pass runs at disk / page-cache speed, several times faster than parsing.
 */
final class CsvEncoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final int CHUNK = 64 * 1024;

    private CsvEncoding() {
    }

    static Charset detect(Path file) throws IOException, FileRejectedException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = new byte[CHUNK];
            int n = in.readNBytes(bytes, 0, bytes.length);
            if (n >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                    || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
                throw new FileRejectedException(file.getFileName() + ": the file is UTF-16 text;"
                        + " the contract allows UTF-8 or Windows-1252");
            }
            return isUtf8(bytes, n, in) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
    }

    /** Whether the bytes so far plus the rest of the stream decode as UTF-8 without error. */
    private static boolean isUtf8(byte[] bytes, int n, InputStream rest) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, n);
        CharBuffer out = CharBuffer.allocate(CHUNK);
        while (true) {
            CoderResult result = decoder.decode(in, out, false);
            if (result.isError()) {
                return false;
            }
            out.clear();
            if (result.isOverflow()) {
                continue;
            }
            // Underflow: keep an incomplete sequence at the end for the next chunk.
            in.compact();
            int read = rest.read(bytes, in.position(), bytes.length - in.position());
            if (read < 0) {
                in.flip();
                break;
            }
            in.position(in.position() + read);
            in.flip();
        }
        if (decoder.decode(in, out, true).isError()) {
            return false;
        }
        return !decoder.flush(out).isError();
    }
}
