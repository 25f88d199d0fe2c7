package nl.eindtoets.gateway.leerresultaten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Marshaller;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import nl.eindtoets.gateway.contract.DeelnemersOntvangst;
import nl.eindtoets.gateway.deelnemers.DeelnemersMapper;
import nl.eindtoets.gateway.deelnemers.Ontvangst;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Resultaat;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Resultaten;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.ResultatenSchool;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Toets;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Toetsafname;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Toetsonderdeel;
import org.junit.jupiter.api.Test;

class LeerresultatenMapperTest {

    private static final OffsetDateTime CHANGED = OffsetDateTime.parse("2027-05-20T10:00:00.123456Z");

    private static String marshalValid(Object jaxb) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema schema = factory.newSchema(Path.of("wsdl", "xsd", "Eindtoets_v1.xsd").toFile());
        StringWriter xml = new StringWriter();
        Marshaller m = JAXBContext.newInstance(jaxb.getClass()).createMarshaller();
        m.marshal(jaxb, xml);
        assertThatCode(() -> schema.newValidator().validate(new StreamSource(new StringReader(xml.toString()))))
                .as(xml::toString).doesNotThrowAnyException();
        return xml.toString();
    }

    @Test
    void mapsResultsToASchemaValidAnswerKeepingTheChangeTimeExactly() throws Exception {
        Resultaten domain = new Resultaten(new ResultatenSchool("2026-2027", "99AA", "00", CHANGED, "2.2"),
                List.of(new Toetsafname("99AA-lln-0001", null, List.of(
                        new Resultaat("r1", LocalDate.of(2027, 4, 20), "EINDTOETS-2027", null, 212, "https://toets.example/r/1"),
                        new Resultaat("r2", LocalDate.of(2027, 4, 20), "EINDTOETS-2027", "REKENEN", 41, null)))),
                List.of(new Toets("EINDTOETS-2027", "Eindtoets PO 2027",
                        List.of(new Toetsonderdeel(1, "REKENEN", "Rekenen")))));

        nl.eindtoets.gateway.contract.LeerresultatenAntwoord jaxb = LeerresultatenMapper.toJaxb(domain);
        marshalValid(jaxb);

        var back = new nl.eindtoets.gateway.contract.LeerresultatenVerzoek();
        back.setSchooljaar("2026-2027");
        back.setBrincode("99AA");
        back.setXsdversie("2.2");
        back.setLaatstontvangengegevens(jaxb.getSchool().getAanmaakdatum());
        assertThat(LeerresultatenMapper.toDomain(back).laatstOntvangen()).isEqualTo(CHANGED);
    }

    @Test
    void mapsARequestWithoutXsdversieToNoVersionAndAnAnswerOf22ToASchemaValidSchoolBlock() throws Exception {
        var wire = new nl.eindtoets.gateway.contract.LeerresultatenVerzoek();
        wire.setSchooljaar("2026-2027");
        wire.setBrincode("99AA");
        wire.setDependancecode("00");

        nl.eindtoets.gateway.leerresultaten.LeerresultatenVerzoek verzoek = LeerresultatenMapper.toDomain(wire);

        assertThat(verzoek.xsdversie()).isNull();
        assertThat(verzoek.laatstOntvangen()).isNull();
        assertThat(verzoek.xsdversieOrDefault()).isEqualTo("2.2");
        Resultaten domain = new Resultaten(new ResultatenSchool("2026-2027", "99AA", "00", CHANGED,
                verzoek.xsdversieOrDefault()), List.of(new Toetsafname("99AA-lln-0001", null, List.of(
                        new Resultaat("r1", LocalDate.of(2027, 4, 20), "EINDTOETS-2027", null, 212, null)))),
                List.of(new Toets("EINDTOETS-2027", "Eindtoets PO 2027", List.of())));
        assertThat(marshalValid(LeerresultatenMapper.toJaxb(domain)))
                .containsPattern("<(\\w+:)?xsdversie>2\\.2</(\\w+:)?xsdversie>");
    }

    @Test
    void mapsTheEmptyAnswersToSchemaValidElements() throws Exception {
        assertThat(marshalValid(LeerresultatenMapper.toJaxb(new LeerresultatenAntwoord.GeenWijzigingen())))
                .contains("geenwijzigingen");
        assertThat(marshalValid(LeerresultatenMapper.toJaxb(new LeerresultatenAntwoord.GeenGegevens())))
                .contains("geengegevens");
    }

    @Test
    void mapsAReceiptToASchemaValidOntvangst() throws Exception {
        DeelnemersOntvangst jaxb = DeelnemersMapper.toJaxb(new Ontvangst(java.util.UUID.randomUUID(), 3, CHANGED));

        assertThat(marshalValid(jaxb)).contains("aantal_deelnemers");
    }
}
