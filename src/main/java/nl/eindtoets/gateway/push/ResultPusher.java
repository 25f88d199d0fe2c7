package nl.eindtoets.gateway.push;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import nl.eindtoets.gateway.mandate.MandateCheck;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.request.RequestIdentity;
import nl.eindtoets.gateway.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to the LAS systems: every poll interval it claims up to a batch of due messages and sends them
 * in parallel, then records each outcome. 2xx delivers; 5xx, 429, 408, timeouts and connection or TLS failures are
 * tried again after an exponential backoff with full jitter, until the message has waited longer than the give-up
 * age; 401, 405, 422 and other 4xx (and redirects, which are not followed) fail the message at once. Before each
 * send the route is taken from the school list's current delivery and the LAS's mandate is checked: a list now
 * delivered over SOAP, or a LAS without the school's mandate, fails the message. A message whose LAS endpoint is
 * unknown waits like a failed attempt. The log names the routeringskenmerk, school OIN, status and attempt, never
 * the pupil or the LAS's melding.
 */
public final class ResultPusher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResultPusher.class);
    /** Lease left after posting at the latest, for recording the outcome. */
    static final Duration POST_MARGIN = Duration.ofSeconds(1);

    private final PushSettings settings;
    private final OutboxQueue queue;
    private final LasEndpoints endpoints;
    private final LasClient client;
    private final MandateCheck mandates;
    private final PushEvents events;
    private final Clock clock;
    private final Backoff backoff;
    private final ScheduledExecutorService poller;
    private final ExecutorService senders;

    private ResultPusher(PushSettings settings, OutboxQueue queue, LasEndpoints endpoints, LasClient client,
                         MandateCheck mandates, PushEvents events, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.client = Objects.requireNonNull(client, "client");
        this.mandates = Objects.requireNonNull(mandates, "mandates");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
        this.poller = Executors.newSingleThreadScheduledExecutor(daemon("result-push"));
        this.senders = Executors.newFixedThreadPool(settings.batchSize(), daemon("result-push-send"));
    }

    /**
     * Starts polling at once.
     *
     * @param mandates the mandate check for the REST service ({@code rest.mandate.service-namespace}), asked before
     *                 every send
     */
    public static ResultPusher start(PushSettings settings, OutboxQueue queue, LasEndpoints endpoints,
                                     LasClient client, MandateCheck mandates, PushEvents events, Clock clock) {
        ResultPusher pusher = new ResultPusher(settings, queue, endpoints, client, mandates, events, clock);
        pusher.poller.scheduleWithFixedDelay(pusher::drain, 0, settings.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("result push started: batch {}, poll every {}, lease {}", settings.batchSize(),
                settings.pollInterval(), settings.lease());
        return pusher;
    }

    /** Rounds until fewer than a full batch was due. */
    private void drain() {
        try {
            while (!poller.isShutdown() && round() == settings.batchSize()) {
                // a full batch: more may be due
            }
        } catch (StoreException e) {
            LOG.warn("result push paused until the next poll: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("result push round failed; trying again at the next poll", e);
        }
    }

    /**
     * One claim and its sends; the number of messages claimed. The wait ends with the lease: a send still running
     * then is stopped, because another node may take its message from that moment.
     */
    int round() {
        List<OutboxMessage> claimed = queue.claim(settings.batchSize(), settings.lease());
        long deadline = System.nanoTime() + settings.lease().toNanos();
        List<Future<?>> sends = new ArrayList<>();
        for (OutboxMessage m : claimed) {
            sends.add(senders.submit(() -> send(m)));
        }
        for (Future<?> f : sends) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                // The lease runs out and the message is due again: nothing is marked delivered that was not.
                LOG.warn("a result send ended without an outcome: {}", e.getCause().toString());
            } catch (TimeoutException e) {
                f.cancel(true);
                LOG.warn("a result send outlasted its lease of {} and was stopped; the message is due again",
                        settings.lease());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return claimed.size();
    }

    /** One attempt; an unexpected failure counts as an attempt that did not deliver. */
    private void send(OutboxMessage m) {
        try {
            attempt(m);
        } catch (StoreException e) {
            throw e; // the outcome cannot be recorded: the lease runs out and the message is due again
        } catch (RuntimeException e) {
            LOG.error("result push: routeringskenmerk={} school={} attempt={} failed unexpectedly", m.routingId(),
                    m.schoolOin(), m.attempts() + 1, e);
            retry(m, m.attempts() + 1, null, "internal error: " + e);
        }
    }

    private void attempt(OutboxMessage claimed) {
        int attempt = claimed.attempts() + 1;
        ListRoute route = queue.route(claimed);
        if (route instanceof ListRoute.None none) {
            fail(claimed, attempt, null, none.reason());
            return;
        }
        OutboxMessage m = claimed.along((ListRoute.ToLas) route);
        if (!mandated(m, attempt)) {
            return;
        }
        Optional<LasEndpoint> endpoint;
        try {
            endpoint = endpoints.find(m.routingId(), new Oin(m.schoolOin()));
        } catch (LasEndpointsUnavailableException e) {
            retry(m, attempt, null, "LAS endpoints unavailable: " + e.getMessage());
            return;
        }
        if (endpoint.isEmpty()) {
            retry(m, attempt, null, "no LAS endpoint known for routeringskenmerk " + m.routingId());
            return;
        }
        Duration left = Duration.between(clock.instant(), m.leaseUntil());
        if (left.compareTo(settings.connectTimeout().plus(settings.readTimeout()).plus(POST_MARGIN)) < 0) {
            // Posting now could outlast the lease, and another node could send the same result meanwhile.
            retry(m, attempt, null, "not posted: the lookups before it left " + Math.max(0, left.toMillis())
                    + "ms of the lease, less than connect + read timeout + " + POST_MARGIN.toSeconds() + "s");
            return;
        }
        LasClient.Answer answer;
        try {
            byte[] body = LeerlingresultaatBody.withReportLink(m.body(), settings.reportUrl(m.rapportid()));
            answer = client.post(endpoint.get(), new Oin(m.lasOin()), m.routingId(), m.schoolOin(), body);
        } catch (IOException e) {
            retry(m, attempt, null, "no answer from " + endpoint.get().baseUrl() + ": " + reason(e));
            return;
        } catch (InterruptedException e) {
            // Stopping: the lease runs out and the message is sent again by whichever node polls next.
            Thread.currentThread().interrupt();
            return;
        }
        int status = answer.status();
        if (status >= 200 && status < 300) {
            boolean current = queue.delivered(m, status);
            log(m, attempt, status, current ? "delivered" : "delivered an older version; the newer one is due");
            events.delivered();
        } else if (status >= 500 || status == 429 || status == 408) {
            retry(m, attempt, status, "HTTP " + status + ": " + answer.melding());
        } else {
            fail(m, attempt, status, "HTTP " + status + ": " + answer.melding());
        }
    }

    /**
     * Whether the LAS holds the school's mandate for the REST service today: no pupil data goes to a LAS that
     * does not. Without it the message fails; when the register cannot answer, it is tried again later.
     */
    private boolean mandated(OutboxMessage m, int attempt) {
        try {
            mandates.check(new RequestIdentity(new Oin(m.lasOin()), new Oin(m.schoolOin()), m.brin(),
                    m.dependancecode(), "result-push:" + m.id() + "/" + m.version()));
            return true;
        } catch (GatewayFault e) {
            if (e.code() == FaultCode.TIJDELIJK_NIET_BESCHIKBAAR) {
                retry(m, attempt, null, "mandate register unavailable");
            } else {
                fail(m, attempt, null, "LAS " + m.lasOin() + " holds no mandate of school " + m.schoolOin()
                        + " for " + mandates.serviceNamespace() + " today");
            }
            return false;
        }
    }

    /** Refused for good: by the LAS (its status), or before sending (no route, no mandate). */
    private void fail(OutboxMessage m, int attempt, Integer status, String reason) {
        queue.failed(m, status, reason);
        // The LAS's melding may echo what it was sent: the log names the status only.
        log(m, attempt, status, status == null ? "failed: " + reason : "failed: refused by the LAS");
        events.failed();
    }

    /** Waits and tries again, unless the message has been waiting longer than the give-up age. */
    private void retry(OutboxMessage m, int attempt, Integer status, String reason) {
        Instant now = clock.instant();
        Duration waited = Duration.between(m.pendingSince(), now);
        if (waited.compareTo(settings.giveUpAfter()) > 0) {
            queue.failed(m, status, "gave up after " + waited.toSeconds() + "s: " + reason);
            log(m, attempt, status, "failed: gave up");
            events.failed();
            return;
        }
        Duration wait = backoff.after(attempt);
        queue.retryAt(m, status, reason, now.plus(wait));
        // With a status the reason holds the LAS's melding, which stays in last_error only.
        log(m, attempt, status, "retry in " + wait.toMillis() + "ms"
                + (status == null ? " (" + OutboxQueue.clip(reason) + ")" : ""));
        events.retried();
    }

    private static void log(OutboxMessage m, int attempt, Integer status, String outcome) {
        LOG.info("result push: routeringskenmerk={} school={} status={} attempt={} {}", m.routingId(),
                m.schoolOin(), status == null ? "-" : status, attempt, outcome);
    }

    /** The innermost message: for a TLS refusal, the trust manager's reason. */
    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /**
     * Stops polling and lets sends in progress finish (up to their lease), so that a graceful stop never
     * leaves a message that reached the LAS unrecorded.
     */
    @Override
    public void close() {
        poller.shutdown();
        try {
            long wait = settings.lease().toMillis();
            if (!poller.awaitTermination(wait, TimeUnit.MILLISECONDS)) {
                poller.shutdownNow();
            }
            senders.shutdown();
            if (!senders.awaitTermination(wait, TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            poller.shutdownNow();
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("result push stopped");
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
