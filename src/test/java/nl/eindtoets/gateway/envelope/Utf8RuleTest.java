package nl.eindtoets.gateway.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8RuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"text/xml", "text/xml; charset=utf-8", "text/xml; charset=UTF-8", "text/xml;charset=\"UTF-8\"",
            "text/xml; charset=utf8"})
    void acceptsAContentTypeWithoutCharsetOrWithUtf8(String contentType) {
        assertThatCode(() -> Utf8Rule.checkContentType(contentType)).doesNotThrowAnyException();
    }

    @Test
    void acceptsARequestWithoutContentType() {
        assertThatCode(() -> Utf8Rule.checkContentType(null)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/xml; charset=ISO-8859-1", "text/xml; charset=\"utf-16\"", "text/xml;CHARSET=windows-1252"})
    void refusesAnotherCharsetWith0009(String contentType) {
        assertRefused(() -> Utf8Rule.checkContentType(contentType));
    }

    @Test
    void acceptsAPrologDeclaringUtf8() {
        assertThatCode(() -> Utf8Rule.checkProlog(bytes("<?xml version='1.0' encoding='UTF-8'?><soap:Envelope/>")))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsAPrologWithoutDeclaration() {
        assertThatCode(() -> Utf8Rule.checkProlog(bytes("<soap:Envelope/>"))).doesNotThrowAnyException();
    }

    @Test
    void refusesAnXmlDeclarationOfAnotherEncoding() {
        assertRefused(() -> Utf8Rule.checkProlog(bytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><e/>")));
    }

    @Test
    void refusesAUtf16ByteOrderMarkInEitherByteOrder() {
        assertRefused(() -> Utf8Rule.checkProlog(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '<'}));
        assertRefused(() -> Utf8Rule.checkProlog(new byte[] {(byte) 0xFF, (byte) 0xFE, '<', 0}));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(GatewayFault.class, f -> {
            assertThat(f.code()).isEqualTo(FaultCode.ONGELDIG_BERICHT);
            assertThat(f.digikoppelingCode()).isEqualTo("0009");
        });
    }
}
