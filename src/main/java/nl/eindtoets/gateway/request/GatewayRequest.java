package nl.eindtoets.gateway.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * Everything the chain establishes about one request, filled in by the stages in their order: the parsed envelope,
 * the verified signature, the passed-WS-Security mark, the addressing headers, the identity, the mandate, the
 * validated payload, and in the end the refusal if there is one. Each finding is set once; reading one that was not
 * established fails closed ({@link IllegalStateException}), so a misassembled chain refuses instead of letting a
 * request through. One instance per request, used by one thread at a time.
 */
public final class GatewayRequest {

    /** How far the request got, in chain order. */
    public enum State { RECEIVED, PARSED, SIGNATURE_VERIFIED, PASSED_WS_SECURITY, ADDRESSED, IDENTIFIED, AUTHORISED, VALIDATED }

    private final String correlationId;
    private final String operation;
    private final TransportFacts transport;
    private final long arrivedNanos = System.nanoTime();
    private State state = State.RECEIVED;
    private RequestDocument document;
    private VerifiedSignature signature;
    private AddressingHeaders addressing;
    private RequestIdentity identity;
    private Element payload;
    private String bodyDigest;
    private Refusal refusal;
    private boolean identifiedByTransport;
    private final List<DurableWrite> enlisted = new ArrayList<>();
    private boolean committed;

    public GatewayRequest(String correlationId, String operation, TransportFacts transport) {
        this.correlationId = Objects.requireNonNull(correlationId, "correlationId");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    public String correlationId() {
        return correlationId;
    }

    /** The operation of the endpoint that received it, e.g. {@code BrengDeelnemers}. */
    public String operation() {
        return operation;
    }

    public TransportFacts transport() {
        return transport;
    }

    /** {@link System#nanoTime()} when the record was opened, on arrival. */
    public long arrivedNanos() {
        return arrivedNanos;
    }

    public State state() {
        return state;
    }

    public void parsed(RequestDocument document) {
        this.document = once(this.document, document, "document");
        advance(State.PARSED);
    }

    public RequestDocument document() {
        return required(document, "parsed request");
    }

    /** The parsed request, or null when the request was refused before or while it was parsed. */
    public RequestDocument documentOrNull() {
        return document;
    }

    public void signatureVerified(VerifiedSignature signature) {
        document();
        this.signature = once(this.signature, signature, "signature");
        advance(State.SIGNATURE_VERIFIED);
    }

    public VerifiedSignature signature() {
        return required(signature, "verified signature");
    }

    /** Marks the end of the WS-Security stages: signature, coverage and replay all passed. */
    public void passedWsSecurity() {
        signature();
        advance(State.PASSED_WS_SECURITY);
    }

    public boolean hasPassedWsSecurity() {
        return !identifiedByTransport && state.compareTo(State.PASSED_WS_SECURITY) >= 0;
    }

    public void addressed(AddressingHeaders addressing) {
        requirePassedWsSecurity();
        this.addressing = once(this.addressing, addressing, "addressing");
        advance(State.ADDRESSED);
    }

    public AddressingHeaders addressing() {
        return required(addressing, "addressing headers");
    }

    public AddressingHeaders addressingOrNull() {
        return addressing;
    }

    public void identified(RequestIdentity identity) {
        addressing();
        this.identity = once(this.identity, identity, "identity");
        advance(State.IDENTIFIED);
    }

    /**
     * The identity of a request whose caller is authenticated by mutual TLS alone, as on the REST front door: there
     * is no message signature or addressing to establish first. Such a request never counts as having passed
     * WS-Security, so nothing treats it as signed.
     */
    public void identifiedByTransport(RequestIdentity identity) {
        if (state != State.RECEIVED) {
            throw new IllegalStateException("identified by the transport after message-level findings");
        }
        this.identity = once(this.identity, identity, "identity");
        this.identifiedByTransport = true;
        advance(State.IDENTIFIED);
    }

    public RequestIdentity identity() {
        return required(identity, "identity");
    }

    public RequestIdentity identityOrNull() {
        return identity;
    }

    /** The mandate check granted the request. */
    public void authorised() {
        identity();
        advance(State.AUTHORISED);
    }

    public boolean isAuthorised() {
        return state.compareTo(State.AUTHORISED) >= 0;
    }

    /** The payload is valid under the contract; handlers may run. */
    public void validated(Element payload) {
        if (!isAuthorised()) {
            throw new IllegalStateException("validated before the mandate check");
        }
        this.payload = once(this.payload, payload, "payload");
        advance(State.VALIDATED);
    }

    /** The validated payload; only after every stage has passed. */
    public Element payload() {
        if (state != State.VALIDATED) {
            throw new IllegalStateException("the request has not passed every stage");
        }
        return payload;
    }

    /**
     * The payload's {@link BodyDigest}, taken by the WS-Security stage from the canonical form of the Body it
     * digested for the signature ({@link PayloadDigestTap}), so {@link #bodyDigestOrNull()} need not compute it again.
     */
    public void bodyDigestTaken(String hex) {
        document();
        this.bodyDigest = once(this.bodyDigest, Objects.requireNonNull(hex, "hex"), "body digest");
    }

    /** SHA-256 of the payload's canonical form, computed once; null when there is no payload to digest. */
    public String bodyDigestOrNull() {
        if (bodyDigest == null && document != null) {
            Element p = document.payload();
            bodyDigest = p == null ? null : BodyDigest.of(p);
        }
        return bodyDigest;
    }

    /**
     * Adds a write to the request's one transaction, which commits it with the handler's work and the audit record
     * before the answer is sent (or, for a refusal, with the refusal's audit record).
     */
    public void enlist(DurableWrite write) {
        if (committed) {
            throw new IllegalStateException("the request's transaction is already committed");
        }
        enlisted.add(Objects.requireNonNull(write, "write"));
    }

    /** The writes enlisted so far, in the order the stages enlisted them. */
    public List<DurableWrite> enlistedWrites() {
        return List.copyOf(enlisted);
    }

    /** Drops the enlisted writes: the request's transaction failed, and nothing of it may be kept. */
    public void discardEnlistedWrites() {
        enlisted.clear();
    }

    /** The request's transaction, with its audit record, is committed: nothing more is written for it. */
    public void committed() {
        committed = true;
    }

    public boolean isCommitted() {
        return committed;
    }

    public void refused(Refusal refusal) {
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    /** The refusal the answer carries, or null for a normal answer. */
    public Refusal refusalOrNull() {
        return refusal;
    }

    public Outcome outcome() {
        return refusal == null ? Outcome.ACCEPTED : refusal.outcome();
    }

    /** Answers and faults are signed for requests that passed WS-Security, unless the refusal is by WS-Security. */
    public boolean answerIsSigned() {
        return hasPassedWsSecurity() && (refusal == null || refusal.signable());
    }

    private void requirePassedWsSecurity() {
        if (!hasPassedWsSecurity()) {
            throw new IllegalStateException("the request has not passed WS-Security");
        }
    }

    private void advance(State next) {
        if (next.compareTo(state) > 0) {
            state = next;
        }
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalStateException("no " + what + " established for this request");
        }
        return value;
    }

    private static <T> T once(T current, T next, String what) {
        Objects.requireNonNull(next, what);
        if (current != null) {
            throw new IllegalStateException(what + " already established");
        }
        return next;
    }
}
