package nl.eindtoets.gateway.mandate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import nl.eindtoets.gateway.mandate.MandateDecision.Outcome;
import nl.eindtoets.gateway.mandate.MandateDecision.Source;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.RequestIdentity;
import nl.eindtoets.gateway.request.Stage;

/**
 * The mandate stage: the signer must hold the school's mandate for the service today. Returns when it does;
 * otherwise throws {@link FaultCode#AUTORISATIE_ONGELDIG}, or {@link FaultCode#TIJDELIJK_NIET_BESCHIKBAAR} when
 * the register cannot answer. There is no path that allows a request without a grant. Every decision is recorded:
 * for a request, in its one transaction ({@link MandateDecisionLog#record(MandateDecision, GatewayRequest)}).
 */
public final class MandateCheck implements Stage {

    /** Mandates are granted per calendar day in the Netherlands. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final MandateRegister register;
    private final String serviceNamespace;
    private final MandateDecisionLog decisions;
    private final Clock clock;

    public MandateCheck(MandateRegister register, String serviceNamespace, MandateDecisionLog decisions,
                        Clock clock) {
        this.register = Objects.requireNonNull(register, "register");
        this.serviceNamespace = Objects.requireNonNull(serviceNamespace, "serviceNamespace");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The mandate stage: the request's identity must hold a mandate; marks the request authorised. */
    @Override
    public void apply(GatewayRequest request) {
        check(request.identity(), request);
        request.authorised();
    }

    /** @throws GatewayFault when the request may not proceed */
    public void check(RequestIdentity identity) {
        check(identity, null);
    }

    /**
     * @param request the request the decision is about, whose transaction keeps it; null outside a request
     * @throws GatewayFault when the request may not proceed
     */
    private void check(RequestIdentity identity, GatewayRequest request) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        MandateQuery query = new MandateQuery(identity.signerOin(), identity.schoolOin(), serviceNamespace, today);
        MandateAnswer answer;
        try {
            answer = register.lookup(query);
        } catch (MandateRegisterUnavailableException e) {
            record(request, identity, query, Outcome.UNAVAILABLE, register.source());
            throw new GatewayFault(FaultCode.TIJDELIJK_NIET_BESCHIKBAAR,
                    FaultCode.TIJDELIJK_NIET_BESCHIKBAAR.digikoppelingCode(),
                    FaultCode.TIJDELIJK_NIET_BESCHIKBAAR.text(), e);
        } catch (RuntimeException e) {
            record(request, identity, query, Outcome.UNAVAILABLE, register.source());
            throw e;
        }
        if (answer.granted()) {
            record(request, identity, query, Outcome.GRANTED, answer.source());
            return;
        }
        record(request, identity, query, Outcome.DENIED, answer.source());
        throw new GatewayFault(FaultCode.AUTORISATIE_ONGELDIG);
    }

    /**
     * The same check, register, cache and decision log for another service: the REST front door asks for the
     * doorstroomtoets service, whose mandates the OSR keeps under their own namespace.
     */
    public MandateCheck forService(String otherServiceNamespace) {
        return new MandateCheck(register, otherServiceNamespace, decisions, clock);
    }

    public String serviceNamespace() {
        return serviceNamespace;
    }

    private void record(GatewayRequest request, RequestIdentity identity, MandateQuery query, Outcome outcome,
                        Source source) {
        decisions.record(new MandateDecision(clock.instant(), identity.messageId(), query.supplierOin(),
                query.schoolOin(), query.serviceNamespace(), query.referenceDate(), outcome, source), request);
    }
}
