package nl.eindtoets.gateway.edge;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails as soon as more than {@code limit} bytes have been read, so an oversize body is never buffered whole; once
 * failed, every later read fails at once instead of waiting for more of the body.
 */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;
    private boolean exceeded;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        failIfExceeded();
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        failIfExceeded();
        int n = super.read(buf, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        failIfExceeded();
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws IOException {
        count += n;
        if (count > limit) {
            exceeded = true;
            throw new MessageTooLargeException(limit);
        }
    }

    private void failIfExceeded() throws IOException {
        if (exceeded) {
            throw new MessageTooLargeException(limit);
        }
    }
}
