package nl.eindtoets.gateway.edge;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;

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

    public AdmissionControl(int maxInProgress, long maxBytesInProgress, long unknownLengthCharge) {
        this.maxInProgress = maxInProgress;
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

    /** What one admitted request holds; released once, whatever happens to the request. */
    public static final class Permit {
        private final AtomicBoolean held = new AtomicBoolean(true);
        private final int bytes;

        private Permit(int bytes) {
            this.bytes = bytes;
        }
    }

    /**
     * Admits a request that declared {@code contentLength} (null: chunked), or refuses it with 0051 when either cap
     * is reached.
     */
    public Permit admit(String contentLength) {
        if (!permits.tryAcquire()) {
            throw busy();
        }
        int charge = charge(contentLength);
        if (!bytes.tryAcquire(charge)) {
            permits.release();
            throw busy();
        }
        return new Permit(charge);
    }

    /** Gives the permit back; a second release of the same permit does nothing. */
    public void release(Permit permit) {
        if (permit != null && permit.held.compareAndSet(true, false)) {
            bytes.release(permit.bytes);
            permits.release();
        }
    }

    private int charge(String contentLength) {
        if (contentLength == null) {
            return unknownLengthCharge;
        }
        try {
            long declared = Long.parseLong(contentLength.strip());
            return (int) Math.max(0, Math.min(maxBytes, declared));
        } catch (NumberFormatException ignored) {
            return unknownLengthCharge; // refused as malformed further on
        }
    }

    private static GatewayFault busy() {
        return new GatewayFault(FaultCode.TIJDELIJK_NIET_BESCHIKBAAR, "0051",
                "De dienst is op dit moment overbelast; probeer het later opnieuw.", null);
    }
}
