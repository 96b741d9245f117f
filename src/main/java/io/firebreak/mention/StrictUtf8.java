package io.firebreak.mention;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to text as UTF-8, refusing what is not: a lenient decoder turns bad bytes into U+FFFD and the
 * text stored is then not what was sent. The error names the byte offset.
 */
public final class StrictUtf8 {

    private StrictUtf8() {}

    /** @throws BadInputException naming the first byte that is not UTF-8 */
    public static String decode(byte[] bytes, String what) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new BadInputException(what + " is not valid UTF-8: byte " + in.position() + " (0x"
                    + String.format("%02x", bytes[in.position()] & 0xff) + ") starts no UTF-8 character;"
                    + " send JSON as UTF-8");
        }
        try {
            decoder.flush(out);
        } catch (RuntimeException e) {
            throw new BadInputException(what + " is not valid UTF-8");
        }
        return out.flip().toString();
    }
}
