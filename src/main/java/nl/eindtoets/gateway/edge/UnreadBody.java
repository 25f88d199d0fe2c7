package nl.eindtoets.gateway.edge;

import java.io.IOException;
import java.io.InputStream;

/**
 * For refusals decided on arrival (overload, rate limit): read, without parsing, what the client is still sending
 * before answering. An HTTP client that is cut off mid-request sees a broken connection instead of the 503 that tells
 * it to retry later. Reading stops at the message size limit; a larger body has its connection closed.
 */
public final class UnreadBody {

    private UnreadBody() {
    }

    public static void discard(InputStream in, long limit) {
        if (in == null) {
            return;
        }
        byte[] sink = new byte[8192];
        try {
            long left = limit;
            int n;
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException e) {
            // The client went away; the refusal stands.
        }
    }
}
