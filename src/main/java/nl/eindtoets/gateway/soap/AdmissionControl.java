package nl.eindtoets.gateway.soap;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.eindtoets.gateway.fault.FaultCode;
import nl.eindtoets.gateway.fault.GatewayFault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * A global cap on requests in progress. Past the cap a request is refused at once with
 * {@code Server.TijdelijkNietBeschikbaar} (0051, HTTP 503) instead of queueing without bound: a LAS retries later,
 * and the requests already admitted keep their latency.
 */
public final class AdmissionControl {

    private final Semaphore permits;
    private final int maxInProgress;

    public AdmissionControl(int maxInProgress) {
        this.maxInProgress = maxInProgress;
        this.permits = new Semaphore(maxInProgress);
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
    }

    public final class Admit extends AbstractPhaseInterceptor<Message> {
        private Admit() {
            super(Phase.RECEIVE);
            getBefore().add(RequestEntryInterceptor.class.getName());
        }

        @Override
        public void handleMessage(Message message) {
            if (!permits.tryAcquire()) {
                throw new GatewayFault(FaultCode.TIJDELIJK_NIET_BESCHIKBAAR, "0051",
                        "De dienst is op dit moment overbelast; probeer het later opnieuw.", null);
            }
            message.getExchange().put(Permit.class, new Permit());
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
                permits.release();
            }
        }
    }
}
