package nl.eindtoets.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** One validator per thread is reused across requests: what one body did must not leak into the next. */
class BodyValidatorTest {

    private final BodyValidator validator = new BodyValidator(ContractSchema.load());

    @Test
    void aValidBodyAfterAnInvalidOneOnTheSameThreadIsAccepted() throws Exception {
        fault(payload("deelnemers-99AA-missing-geslacht.xml"));

        assertThatCode(() -> validator.validate(payload("deelnemers-99AA.xml"))).doesNotThrowAnyException();
    }

    @Test
    void anInvalidBodyAfterValidOnesIsRefusedAtItsOwnElement() throws Exception {
        validator.validate(payload("deelnemers-99AA.xml"));
        validator.validate(payload("deelnemers-99AB.xml"));

        GatewayFault fault = fault(payload("deelnemers-99AA-jaargroep-6.xml"));

        assertThat(fault.code()).isEqualTo(FaultCode.ONGELDIG_BERICHT);
        assertThat(fault.getMessage()).contains("/jaargroep");
    }

    @Test
    void duplicateKeysAreLeftToTheEindtoetsProfielCheckEvenAfterTheValidatorWasReused() throws Exception {
        // xs:key and xs:unique are checked on the mapped list (EindtoetsProfielTest), not a second time here.
        for (int i = 0; i < 2; i++) {
            assertThatCode(() -> validator.validate(withDuplicatePupilKey())).doesNotThrowAnyException();
            fault(payload("deelnemers-99AA-missing-geslacht.xml"));
        }
    }

    private static Element withDuplicatePupilKey() throws Exception {
        Element list = payload("deelnemers-99AA.xml");
        var pupils = list.getElementsByTagNameNS("http://www.edustandaard.nl/leerresultaten/2/leerlinggegevens",
                "leerling");
        ((Element) pupils.item(1)).setAttribute("key", ((Element) pupils.item(0)).getAttribute("key"));
        return list;
    }

    private GatewayFault fault(Element payload) {
        return catchThrowableOfType(() -> validator.validate(payload), GatewayFault.class);
    }

    private static Element payload(String sample) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try (InputStream in = BodyValidatorTest.class.getResourceAsStream("/samples/" + sample)) {
            return f.newDocumentBuilder().parse(in).getDocumentElement();
        }
    }
}
