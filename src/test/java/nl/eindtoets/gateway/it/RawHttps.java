package nl.eindtoets.gateway.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import nl.eindtoets.gateway.client.HttpResult;

/**
 * HTTP/1.1 over mutual TLS written by hand, for what a well-behaved client library will not send: a Content-Length
 * larger than the bytes that follow, or a chunked body that keeps growing. The answer is read while the body is still
 * being written, so an early refusal is seen even when the gateway closes the connection after it.
 */
final class RawHttps {

    /** Status line and whatever followed it until the gateway closed the connection (or the time ran out). */
    record Answer(int status, String text, long bytesWritten) {

        /** The answer's body, de-chunked when it came chunked. */
        byte[] body() {
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return new byte[0];
            }
            String head = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
            String rest = text.substring(end + 4);
            if (!head.contains("transfer-encoding: chunked")) {
                return rest.getBytes(StandardCharsets.UTF_8);
            }
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (true) {
                int eol = rest.indexOf("\r\n", at);
                int size = Integer.parseInt(rest.substring(at, eol).strip(), 16);
                if (size == 0) {
                    return body.toString().getBytes(StandardCharsets.UTF_8);
                }
                // the fault bodies are ASCII, so characters and bytes coincide
                body.append(rest, eol + 2, eol + 2 + size);
                at = eol + 2 + size + 2;
            }
        }

        HttpResult asHttpResult() {
            return new HttpResult(status, java.util.Map.of(), body());
        }
    }

    private final SSLContext tls;

    private RawHttps(SSLContext tls) {
        this.tls = tls;
    }

    /** Presents the certs-dev key {@code keyName} as client certificate. */
    static RawHttps as(String keyName) throws Exception {
        char[] password = RunningGateway.PASSWORD.toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(Path.of("certs-dev", keyName + ".p12"))) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(RunningGateway.truststore().load());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return new RawHttps(context);
    }

    /**
     * Sends {@code head} (request line and headers, without the blank line), then lets {@code body} write to the
     * connection while the answer is read.
     */
    Answer exchange(URI uri, String head, Consumer<OutputStream> body, Duration timeout) throws Exception {
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) timeout.toMillis());
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            CountingStream counting = new CountingStream(out);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> body.accept(counting));
            byte[] answer = readUntilClosed(socket.getInputStream(), timeout);
            writer.cancel(true);
            try {
                writer.get(1, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the gateway stopped reading; what it answered is what counts
            }
            String text = new String(answer, StandardCharsets.UTF_8);
            int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new Answer(status, text, counting.count);
        }
    }

    private static byte[] readUntilClosed(InputStream in, Duration timeout) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while (System.nanoTime() < deadline && (n = in.read(buffer)) >= 0) {
                answer.write(buffer, 0, n);
                if (complete(answer.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (IOException e) {
            // a reset after the answer: keep what arrived
        }
        return answer.toByteArray();
    }

    /** Whether a complete answer with a Content-Length, or a final chunk, has arrived. */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        int at = head.indexOf("content-length:");
        if (at >= 0) {
            int eol = head.indexOf("\r\n", at);
            long length = Long.parseLong(head.substring(at + 15, eol < 0 ? head.length() : eol).strip());
            return text.getBytes(StandardCharsets.UTF_8).length - end - 4 >= length;
        }
        return head.contains("transfer-encoding: chunked") && text.endsWith("\r\n0\r\n\r\n");
    }

    /** Writes {@code total} bytes of {@code unit} repeated, as chunks; stops quietly when the gateway hangs up. */
    static Consumer<OutputStream> chunked(byte[] prefix, byte[] unit, long total) {
        return out -> {
            try {
                writeChunk(out, prefix);
                long written = prefix.length;
                byte[] block = new byte[64 * unit.length];
                for (int i = 0; i < 64; i++) {
                    System.arraycopy(unit, 0, block, i * unit.length, unit.length);
                }
                while (written < total && !Thread.currentThread().isInterrupted()) {
                    writeChunk(out, block);
                    written += block.length;
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // refused mid-stream
            }
        };
    }

    /** Writes {@code bytes} and then nothing more (the declared length is never reached). */
    static Consumer<OutputStream> only(byte[] bytes) {
        return out -> {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // refused before the first bytes were taken
            }
        };
    }

    private static void writeChunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static final class CountingStream extends java.io.FilterOutputStream {
        private volatile long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }
}
