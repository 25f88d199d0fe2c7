package nl.eindtoets.gateway.push;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Takes at most the first {@code limit} bytes of a LAS's answer and stops reading there: the status and the start of
 * the {@code melding} are all the sender keeps, and a LAS must not be able to make it read without end.
 * {@link #abort()} stops the body from outside (the exchange ran out of time), which closes the connection.
 */
final class AnswerPrefix implements HttpResponse.BodySubscriber<byte[]> {

    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    AnswerPrefix(int limit) {
        this.limit = limit;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer b : items) {
            int n = Math.min(b.remaining(), limit - bytes.size());
            if (n > 0) {
                byte[] part = new byte[n];
                b.get(part);
                bytes.write(part, 0, n);
            }
        }
        if (bytes.size() >= limit) {
            subscription.cancel();
            result.complete(bytes.toByteArray());
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** Stops reading: the answer did not come in time. */
    void abort() {
        Flow.Subscription s = subscription;
        result.cancel(false);
        if (s != null) {
            s.cancel();
        }
    }
}
