package nl.eindtoets.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.request.TransportFacts;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestLimitsTest {

    private final RequestLimits limits = new RequestLimits(1000);

    private static TransportFacts request(String method, String query, String contentLength) {
        return new TransportFacts(method, query, "", "text/xml", contentLength, List.of());
    }

    private static void assertUnreadable(ThrowingCallable call, int httpStatus) {
        assertThatThrownBy(call).isInstanceOfSatisfying(GatewayFault.class, f -> {
            assertThat(f.refusal()).isInstanceOf(Refusal.Unreadable.class);
            assertThat(f.refusal().httpStatus()).isEqualTo(httpStatus);
            assertThat(f.digikoppelingCode()).isEqualTo("0001");
        });
    }

    @Test
    void aPostGoesOnThroughTheChain() {
        assertThat(limits.isContractRequest(request("POST", null, "10"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wsdl", "WSDL", "xsd=xsd/Eindtoets_v1.xsd", "wsdl=Eindtoets.wsdl"})
    void aGetOfThePublishedContractSkipsTheChain(String query) {
        assertThat(limits.isContractRequest(request("GET", query, null))).isTrue();
    }

    @Test
    void refusesAnyOtherGetWith405() {
        assertUnreadable(() -> limits.isContractRequest(request("GET", "debug", null)), 405);
        assertUnreadable(() -> limits.isContractRequest(request("GET", null, null)), 405);
    }

    @Test
    void refusesOtherMethodsWith405() {
        assertUnreadable(() -> limits.isContractRequest(request("PUT", null, "10")), 405);
    }

    @Test
    void acceptsADeclaredLengthUpToTheLimitAndAChunkedBody() {
        assertThatCode(() -> limits.checkDeclaredLength(request("POST", null, "1000"))).doesNotThrowAnyException();
        assertThatCode(() -> limits.checkDeclaredLength(request("POST", null, null))).doesNotThrowAnyException();
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWith413() {
        assertUnreadable(() -> limits.checkDeclaredLength(request("POST", null, "1001")), 413);
    }

    @Test
    void refusesAContentLengthThatIsNotANumberWith400() {
        assertUnreadable(() -> limits.checkDeclaredLength(request("POST", null, "12abc")), 400);
    }
}
