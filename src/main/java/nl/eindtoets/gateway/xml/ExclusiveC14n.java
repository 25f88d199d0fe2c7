package nl.eindtoets.gateway.xml;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.xml.security.c14n.CanonicalizationException;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.c14n.InvalidCanonicalizerException;
import org.w3c.dom.Element;

/**
 * Exclusive XML canonicalization (without comments) of one element, streamed to a sink. Santuario writes text one
 * byte at a time; an unsynchronised buffer in front of the sink turns that into block writes, so a digest over the
 * canonical bytes of a large Body is updated in blocks, and nothing is copied whole.
 */
public final class ExclusiveC14n {

    private static final int BUFFER = 8192;

    static {
        // Santuario's canonicalizers are registered by Init; canonical forms must not depend on WSS4J having run.
        org.apache.xml.security.Init.init();
    }

    private ExclusiveC14n() {
    }

    /**
     * Writes the canonical form of {@code element} to {@code sink} (which is not closed).
     *
     * @param inclusivePrefixes an InclusiveNamespaces PrefixList, or null
     */
    public static void write(Element element, String inclusivePrefixes, OutputStream sink)
            throws CanonicalizationException, IOException {
        Canonicalizer canonicalizer;
        try {
            canonicalizer = Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        } catch (InvalidCanonicalizerException e) {
            throw new IllegalStateException("exclusive c14n is not registered", e);
        }
        Buffer buffer = new Buffer(sink);
        canonicalizer.canonicalizeSubtree(element, inclusivePrefixes, buffer);
        buffer.flush();
    }

    /** An 8 KB buffer without the locking of {@link java.io.BufferedOutputStream}: one thread writes it. */
    private static final class Buffer extends OutputStream {
        private final OutputStream sink;
        private final byte[] bytes = new byte[BUFFER];
        private int count;

        Buffer(OutputStream sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) throws IOException {
            if (count == bytes.length) {
                flush();
            }
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len >= bytes.length) {
                flush();
                sink.write(b, off, len);
                return;
            }
            if (len > bytes.length - count) {
                flush();
            }
            System.arraycopy(b, off, bytes, count, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            if (count > 0) {
                sink.write(bytes, 0, count);
                count = 0;
            }
        }
    }
}
