package nl.eindtoets.gateway.mandate;

import static nl.eindtoets.gateway.mandate.DevFixtures.LAS_A;
import static nl.eindtoets.gateway.mandate.DevFixtures.identity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.eindtoets.gateway.fault.FaultCode;
import nl.eindtoets.gateway.fault.GatewayFault;
import nl.eindtoets.gateway.identity.RequestIdentity;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.apache.cxf.phase.Phase;
import org.junit.jupiter.api.Test;

class MandateInterceptorTest {

    private final RecordingDecisionLog log = new RecordingDecisionLog();
    private final MandateInterceptor interceptor = new MandateInterceptor(new MandateCheck(
            EmbeddedMandateRegister.fromFile(null), DevFixtures.NAMESPACE, log, new MutableClock(DevFixtures.TODAY)));

    @Test
    void runsInTheUserProtocolPhase() {
        assertThat(interceptor.getPhase()).isEqualTo(Phase.USER_PROTOCOL);
    }

    @Test
    void letsAMandatedRequestContinue() {
        assertThatCode(() -> interceptor.handleMessage(messageWith(identity(LAS_A, "99AA"))))
                .doesNotThrowAnyException();
        assertThat(log.last().outcome()).isEqualTo(MandateDecision.Outcome.GRANTED);
    }

    @Test
    void stopsARequestWithoutMandate() {
        assertThatThrownBy(() -> interceptor.handleMessage(messageWith(identity(LAS_A, "99AD"))))
                .isInstanceOfSatisfying(GatewayFault.class,
                        f -> assertThat(f.code()).isEqualTo(FaultCode.AUTORISATIE_ONGELDIG));
    }

    @Test
    void refusesWhenTheIdentityStageLeftNoIdentity() {
        assertThatThrownBy(() -> interceptor.handleMessage(messageWith(null)))
                .isInstanceOfSatisfying(GatewayFault.class,
                        f -> assertThat(f.code()).isEqualTo(FaultCode.INTERNE_FOUT));
        assertThat(log.decisions).isEmpty();
    }

    private static Message messageWith(RequestIdentity identity) {
        Message message = new MessageImpl();
        Exchange exchange = new ExchangeImpl();
        exchange.setInMessage(message);
        if (identity != null) {
            exchange.put(RequestIdentity.class, identity);
        }
        return message;
    }
}
