package nl.eindtoets.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.ws.policy.PolicyBuilder;
import org.apache.neethi.Assertion;
import org.apache.neethi.Policy;
import org.apache.wss4j.policy.model.AsymmetricBinding;
import org.apache.wss4j.policy.model.SignedParts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The contract in wsdl/: the schemas accept the sample messages, refuse what the eindtoets profile forbids, the
 * WSDLs declare the WS-Addressing actions of the contract, and their WS-SecurityPolicy states what the gateway
 * enforces in a form policy-driven stacks act on.
 */
class ContractSchemaTest {

    private static final Path WSDL_DIR = Path.of("wsdl");
    private static final String WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";
    private static final String SOAP_BINDING_NS = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static final String WSAM_NS = "http://www.w3.org/2007/05/addressing/metadata";
    private static final String WSA_NS = "http://www.w3.org/2005/08/addressing";
    private static final String SP_NS = "http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702";

    private static Schema schema;

    @BeforeAll
    static void compileContractSchema() throws SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // The wrapper schema imports the two UWLR profile schemas beside it.
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        schema = factory.newSchema(WSDL_DIR.resolve("xsd/Eindtoets_v1.xsd").toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "deelnemers-99AA.xml", "deelnemers-99AB.xml", "deelnemers-99AC.xml", "deelnemers-99AD.xml",
        "leerresultaten-99AA.xml", "leerresultaten-99AA-without-xsdversie.xml", "leerresultaten-antwoord-99AA.xml"})
    void acceptsValidSample(String sample) throws IOException {
        assertThat(schemaErrorIn(sample(sample))).isEmpty();
    }

    @Test
    void acceptsUnsupportedXsdVersieSoTheHandlerCanAnswerXsdVersieOngeldig() throws IOException {
        assertThat(schemaErrorIn(sample("deelnemers-99AA-xsdversie-9.9.xml"))).isEmpty();
    }

    @Test
    void acceptsLeerresultatenVerzoekWithoutXsdversieButNotWithAnEmptyOne() throws IOException {
        String request = sample("leerresultaten-99AA.xml");
        String withoutXsdversie = request.replaceFirst("\\s*<gw:xsdversie>2\\.2</gw:xsdversie>", "");
        assertThat(withoutXsdversie).doesNotContain("xsdversie");

        assertThat(schemaErrorIn(withoutXsdversie)).isEmpty();
        assertThat(schemaErrorIn(withoutXsdversie.replace("</gw:dependancecode>",
            "</gw:dependancecode><gw:laatstontvangengegevens>2027-05-20T08:00:00</gw:laatstontvangengegevens>")))
            .isEmpty();
        assertThat(schemaErrorIn(request.replace("<gw:xsdversie>2.2</gw:xsdversie>", "<gw:xsdversie/>")))
            .hasValueSatisfying(error -> assertThat(error).contains("minLength"));
    }

    @Test
    void stillRequiresXsdversieInTheParticipantList() throws IOException {
        String withoutXsdversie = sample("deelnemers-99AA.xml")
            .replaceFirst("\\s*<lg:xsdversie>2\\.2</lg:xsdversie>", "");
        assertThat(withoutXsdversie).doesNotContain("<lg:xsdversie>");

        assertThat(schemaErrorIn(withoutXsdversie)).hasValueSatisfying(
            error -> assertThat(error).contains("xsdversie"));
    }

    @Test
    void refusesPupilWithBsn() throws IOException {
        assertThat(schemaErrorIn(sample("deelnemers-99AA-with-bsn.xml"))).hasValueSatisfying(
            error -> assertThat(error).contains("bsn"));
    }

    @Test
    void refusesPupilWithoutGeslacht() throws IOException {
        assertThat(schemaErrorIn(sample("deelnemers-99AA-missing-geslacht.xml"))).hasValueSatisfying(
            error -> assertThat(error).contains("geslacht"));
    }

    @Test
    void refusesPupilInJaargroep6() throws IOException {
        assertThat(schemaErrorIn(sample("deelnemers-99AA-jaargroep-6.xml"))).hasValueSatisfying(
            error -> assertThat(error).contains("'6'"));
    }

    @Test
    void refusesPupilWithVoornamen() throws IOException {
        String withVoornamen = sample("deelnemers-99AA.xml").replaceFirst(
            "<lg:voorletters-1>SM</lg:voorletters-1>",
            "<lg:voornamen>Sanne Maria</lg:voornamen><lg:voorletters-1>SM</lg:voorletters-1>");

        assertThat(schemaErrorIn(withVoornamen)).hasValueSatisfying(
            error -> assertThat(error).contains("voornamen"));
    }

    @Test
    void refusesPupilWhoseGroepIsNotDeclared() throws IOException {
        String danglingGroep = sample("deelnemers-99AA.xml").replaceFirst(
            "<lg:groep key=\"99AA-grp-7b\"/>", "<lg:groep key=\"99AA-grp-6c\"/>");

        assertThat(schemaErrorIn(danglingGroep)).hasValueSatisfying(
            error -> assertThat(error).contains("99AA-grp-6c"));
    }

    @Test
    void refusesTwoPupilsWithTheSameKey() throws IOException {
        String duplicateKey = sample("deelnemers-99AA.xml").replace("99AA-lln-0004", "99AA-lln-0003");

        assertThat(schemaErrorIn(duplicateKey)).hasValueSatisfying(
            error -> assertThat(error).contains("99AA-lln-0003"));
    }

    @Test
    void refusesTwoPupilsWithTheSameEckid() throws IOException {
        String aanlevering = sample("deelnemers-99AA.xml");
        String firstEckid = aanlevering.replaceFirst("(?s).*?eckid=\"([^\"]+)\".*", "$1");
        String duplicateEckid = aanlevering.replaceFirst(
            "<lg:leerling key=\"99AA-lln-0003\">",
            "<lg:leerling key=\"99AA-lln-0003\" eckid=\"" + firstEckid + "\">");

        assertThat(schemaErrorIn(duplicateEckid)).hasValueSatisfying(
            error -> assertThat(error).contains("leerlingEckidUnique"));
    }

    @Test
    void refusesResultForTestThatIsNotListed() throws IOException {
        String unknownToets = sample("leerresultaten-antwoord-99AA.xml").replaceFirst(
            "<lr:toetscode>EINDTOETS-2027</lr:toetscode>", "<lr:toetscode>ANDERE-TOETS</lr:toetscode>");

        assertThat(schemaErrorIn(unknownToets)).hasValueSatisfying(
            error -> assertThat(error).contains("ANDERE-TOETS"));
    }

    @Test
    void acceptsGeenwijzigingenAnswer() {
        assertThat(schemaErrorIn(
            "<gw:leerresultaten_antwoord xmlns:gw='urn:eindtoets-gateway:1'><gw:geenwijzigingen/></gw:leerresultaten_antwoord>"))
            .isEmpty();
    }

    @Test
    void acceptsReceiptWithUuidAndCount() {
        assertThat(schemaErrorIn("<gw:deelnemers_ontvangst xmlns:gw='urn:eindtoets-gateway:1'>"
            + "<gw:ontvangstid>4f1c2a7e-0b6f-4d8e-9a51-1f0c1e5d7a21</gw:ontvangstid>"
            + "<gw:aantal_deelnemers>4</gw:aantal_deelnemers>"
            + "<gw:ontvangen_op>2026-11-15T10:00:03Z</gw:ontvangen_op>"
            + "</gw:deelnemers_ontvangst>")).isEmpty();
    }

    @Test
    void acceptsFaultDetailWithDigikoppelingCodeAndCorrelationId() {
        assertThat(schemaErrorIn("<gw:foutdetail xmlns:gw='urn:eindtoets-gateway:1'>"
            + "<gw:digikoppelingcode>0002</gw:digikoppelingcode>"
            + "<gw:correlatieid>4f1c2a7e-0b6f-4d8e-9a51-1f0c1e5d7a21</gw:correlatieid>"
            + "</gw:foutdetail>")).isEmpty();
    }

    @Test
    void deelnemersWsdlDeclaresTheActionsOfBrengDeelnemers() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("BrengDeelnemers/input", "urn:eindtoets-gateway:1:BrengDeelnemers");
        expected.put("BrengDeelnemers/output", "urn:eindtoets-gateway:1:BrengDeelnemersResponse");

        assertThat(declaredActions(wsdl("Eindtoets_Deelnemers_v1.wsdl"))).isEqualTo(expected);
    }

    @Test
    void leerresultatenWsdlDeclaresTheActionsOfHaalLeerresultaten() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("HaalLeerresultaten/input", "urn:eindtoets-gateway:1:HaalLeerresultaten");
        expected.put("HaalLeerresultaten/output", "urn:eindtoets-gateway:1:HaalLeerresultatenResponse");

        assertThat(declaredActions(wsdl("Eindtoets_Leerresultaten_v1.wsdl"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Eindtoets_Deelnemers_v1.wsdl", "Eindtoets_Leerresultaten_v1.wsdl"})
    void soapActionEqualsTheInputAction(String wsdlFile) throws Exception {
        Document wsdl = wsdl(wsdlFile);
        Map<String, String> actions = declaredActions(wsdl);
        NodeList soapOperations = wsdl.getElementsByTagNameNS(SOAP_BINDING_NS, "operation");

        assertThat(soapOperations.getLength()).isEqualTo(1);
        Element soapOperation = (Element) soapOperations.item(0);
        String operation = ((Element) soapOperation.getParentNode()).getAttribute("name");
        assertThat(soapOperation.getAttribute("soapAction")).isEqualTo(actions.get(operation + "/input"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Eindtoets_Deelnemers_v1.wsdl", "Eindtoets_Leerresultaten_v1.wsdl"})
    void declaresNoFaultsAndNoCustomHeaders(String wsdlFile) throws Exception {
        Document wsdl = wsdl(wsdlFile);

        assertThat(wsdl.getElementsByTagNameNS(WSDL_NS, "fault").getLength()).isZero();
        assertThat(wsdl.getElementsByTagNameNS(SOAP_BINDING_NS, "header").getLength()).isZero();
        assertThat(wsdl.getElementsByTagNameNS(WSDL_NS, "portType").getLength()).isEqualTo(1);
    }

    /**
     * The policy's SignedParts name every WS-Addressing header a request may carry (the gateway refuses one the
     * signature does not cover), so a policy-driven client signs them all; FaultTo is one Metro always sends.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Eindtoets_Deelnemers_v1.wsdl", "Eindtoets_Leerresultaten_v1.wsdl"})
    void policySignsTheBodyAndEveryWsAddressingHeader(String wsdlFile) throws Exception {
        Element signedParts = (Element) wsdl(wsdlFile).getElementsByTagNameNS(SP_NS, "SignedParts").item(0);

        assertThat(signedParts.getElementsByTagNameNS(SP_NS, "Body").getLength()).isEqualTo(1);
        NodeList headers = signedParts.getElementsByTagNameNS(SP_NS, "Header");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < headers.getLength(); i++) {
            Element header = (Element) headers.item(i);
            assertThat(header.getAttribute("Namespace")).isEqualTo(WSA_NS);
            names.add(header.getAttribute("Name"));
        }
        assertThat(names).containsExactlyInAnyOrder("To", "Action", "MessageID", "From", "ReplyTo", "FaultTo", "RelatesTo");
    }

    /**
     * Basic256Sha256 alone means RSA-SHA1 signatures; the signatureAlgorithm attribute is how Eclipse Metro/WSIT is told
     * RSA-SHA256 (it reads it from the policy only), and CXF still reads the policy as before.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Eindtoets_Deelnemers_v1.wsdl", "Eindtoets_Leerresultaten_v1.wsdl"})
    void policyAsksForRsaSha256InTheWayMetroReadsItAndCxfStillReadsThePolicy(String wsdlFile) throws Exception {
        Document wsdl = wsdl(wsdlFile);
        Element suite = (Element) wsdl.getElementsByTagNameNS(SP_NS, "AlgorithmSuite").item(0);
        assertThat(suite.getAttributeNS(null, "signatureAlgorithm")).isEqualTo("SHA256withRSA");
        assertThat(suite.getElementsByTagNameNS(SP_NS, "Basic256Sha256").getLength()).isEqualTo(1);

        Element policyElement = (Element) wsdl.getElementsByTagNameNS("http://www.w3.org/ns/ws-policy", "Policy").item(0);
        Bus bus = BusFactory.newInstance().createBus();
        try {
            Policy policy = bus.getExtension(PolicyBuilder.class).getPolicy(policyElement);
            List<Assertion> alternative = policy.getAlternatives().next();
            AsymmetricBinding binding = only(alternative, AsymmetricBinding.class);
            assertThat(binding.getAlgorithmSuite().getAlgorithmSuiteType().getName()).isEqualTo("Basic256Sha256");
            assertThat(only(alternative, SignedParts.class).getHeaders())
                .extracting(org.apache.wss4j.policy.model.Header::getName).contains("FaultTo");
        } finally {
            bus.shutdown(true);
        }
    }

    private static <T> T only(List<Assertion> assertions, Class<T> type) {
        List<T> found = assertions.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    /** operation/input and operation/output of the portType, mapped to their wsam:Action. */
    private static Map<String, String> declaredActions(Document wsdl) {
        Map<String, String> actions = new LinkedHashMap<>();
        Element portType = (Element) wsdl.getElementsByTagNameNS(WSDL_NS, "portType").item(0);
        NodeList operations = portType.getElementsByTagNameNS(WSDL_NS, "operation");
        for (int i = 0; i < operations.getLength(); i++) {
            Element operation = (Element) operations.item(i);
            for (String direction : new String[] {"input", "output"}) {
                Element message = (Element) operation.getElementsByTagNameNS(WSDL_NS, direction).item(0);
                if (message != null && message.hasAttributeNS(WSAM_NS, "Action")) {
                    actions.put(operation.getAttribute("name") + "/" + direction,
                        message.getAttributeNS(WSAM_NS, "Action"));
                }
            }
        }
        return actions;
    }

    private static Document wsdl(String file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(WSDL_DIR.resolve(file).toFile());
    }

    private static String sample(String name) throws IOException {
        URL resource = ContractSchemaTest.class.getResource("/samples/" + name);
        assertThat(resource).as("sample %s", name).isNotNull();
        try (InputStream in = resource.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The first schema error in the document, or empty when it is schema-valid. */
    private static Optional<String> schemaErrorIn(String xml) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new StringReader(xml)));
            return Optional.empty();
        } catch (SAXException e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
