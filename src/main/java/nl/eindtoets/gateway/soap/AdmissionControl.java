package nl.eindtoets.gateway.soap;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.eindtoets.gateway.fault.FaultCode;
import nl.eindtoets.gateway.fault.GatewayFault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Global caps on the work in progress: a number of requests, and a number of request bytes. Past either cap a request
 * is refused at once with {@code Server.TijdelijkNietBeschikbaar} (0051, HTTP 503) instead of queueing without bound:
 * a LAS retries later, the requests already admitted keep their latency, and a burst of large deliveries (each held
 * as a document tree many times its size) cannot exhaust the heap.
 *
 * <p>A request is charged its declared Content-Length; one without (chunked) is charged {@code unknownLengthCharge}.
 * A request larger than the whole byte budget is still admitted when nothing else is in progress, so that a budget
 * below the message size limit never makes a valid delivery impossible.
 */
public final class AdmissionControl {

    private final Semaphore permits;
    private final int maxInProgress;
    private final Semaphore bytes;
    private final int maxBytes;
    private final int unknownLengthCharge;
    private final long maxMessageSize;

    public AdmissionControl(int maxInProgress, long maxBytesInProgress, long unknownLengthCharge, long maxMessageSize) {
        this.maxInProgress = maxInProgress;
        this.maxMessageSize = maxMessageSize;
        this.permits = new Semaphore(maxInProgress);
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE, maxBytesInProgress);
        this.bytes = new Semaphore(maxBytes);
        this.unknownLengthCharge = (int) Math.min(maxBytes, unknownLengthCharge);
    }

    /** A byte budget of a share of the heap: {@code maxHeap / divisor}. */
    public static long heapShare(int divisor) {
        return Runtime.getRuntime().maxMemory() / divisor;
    }

    public int inProgress() {
        return maxInProgress - permits.availablePermits();
    }

    /** First thing on arrival. */
    public Admit admit() {
        return new Admit();
    }

    /** Last thing on the way out, for answers and faults alike. */
    public Release release() {
        return new Release();
    }

    private static final class Permit {
        private final AtomicBoolean held = new AtomicBoolean(true);
        private final int bytes;

        Permit(int bytes) {
            this.bytes = bytes;
        }
    }

    private int charge(Message message) {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
        if (headers != null) {
            for (var e : headers.entrySet()) {
                if ("Content-Length".equalsIgnoreCase(e.getKey()) && !e.getValue().isEmpty()) {
                    try {
                        long declared = Long.parseLong(e.getValue().get(0).strip());
                        return (int) Math.max(0, Math.min(maxBytes, declared));
                    } catch (NumberFormatException ignored) {
                        return unknownLengthCharge; // refused as malformed further on
                    }
                }
            }
        }
        return unknownLengthCharge;
    }

    private static GatewayFault busy() {
        return new GatewayFault(FaultCode.TIJDELIJK_NIET_BESCHIKBAAR, "0051",
                "De dienst is op dit moment overbelast; probeer het later opnieuw.", null);
    }

    public final class Admit extends AbstractPhaseInterceptor<Message> {
        private Admit() {
            super(Phase.RECEIVE);
            getBefore().add(RequestEntryInterceptor.class.getName());
        }

        @Override
        public void handleMessage(Message message) {
            if (!permits.tryAcquire()) {
                throw busy(message);
            }
            int charge = charge(message);
            if (!bytes.tryAcquire(charge)) {
                permits.release();
                throw busy(message);
            }
            message.getExchange().put(Permit.class, new Permit(charge));
        }

        /** The refusal, once the request body has been read past (see {@link UnreadBody}). */
        private GatewayFault busy(Message message) {
            UnreadBody.discard(message, maxMessageSize);
            return AdmissionControl.busy();
        }
    }

    public final class Release extends AbstractPhaseInterceptor<Message> {
        private Release() {
            super(Phase.SETUP_ENDING);
        }

        @Override
        public void handleMessage(Message message) {
            release(message.getExchange());
        }

        @Override
        public void handleFault(Message message) {
            release(message.getExchange());
        }

        private void release(Exchange exchange) {
            Permit permit = exchange == null ? null : exchange.get(Permit.class);
            if (permit != null && permit.held.compareAndSet(true, false)) {
                bytes.release(permit.bytes);
                permits.release();
            }
        }
    }
}
