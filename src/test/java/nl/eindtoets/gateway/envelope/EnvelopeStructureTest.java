package nl.eindtoets.gateway.envelope;

import static nl.eindtoets.gateway.request.RequestFixtures.envelope;
import static nl.eindtoets.gateway.request.RequestFixtures.leerresultatenVerzoek;
import static nl.eindtoets.gateway.request.RequestFixtures.post;
import static nl.eindtoets.gateway.request.RequestFixtures.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.request.RequestDocument;
import nl.eindtoets.gateway.request.RequestFixtures;
import org.junit.jupiter.api.Test;

class EnvelopeStructureTest {

    private static GatewayRequest parsedWith(String misplaced) {
        GatewayRequest request = received(post("las-a", ""));
        RequestDocument sound = RequestFixtures.document(envelope("", leerresultatenVerzoek("99AA")));
        request.parsed(new RequestDocument(sound.document(), misplaced));
        return request;
    }

    @Test
    void passesAnEnvelopeInWhichTheParserFoundNothingOutOfPlace() {
        assertThatCode(() -> new EnvelopeStructure().apply(parsedWith(null))).doesNotThrowAnyException();
    }

    @Test
    void refusesWhatTheParserFoundOutOfPlaceAsAWsSecurityFailedCheck() {
        assertThatThrownBy(() -> new EnvelopeStructure().apply(parsedWith("a soap:Body inside soap:Header")))
                .isInstanceOfSatisfying(GatewayFault.class, f -> {
                    assertThat(f.refusal()).isInstanceOf(Refusal.Security.class);
                    assertThat(f.refusal().codeName()).isEqualTo("FailedCheck");
                    assertThat(f.refusal().signable()).isFalse();
                });
    }
}
