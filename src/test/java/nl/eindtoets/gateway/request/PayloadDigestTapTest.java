package nl.eindtoets.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.eindtoets.gateway.client.EnvelopeBuilder;
import nl.eindtoets.gateway.client.KeystoreCredentials;
import nl.eindtoets.gateway.client.RequestSigner;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.xml.ExclusiveC14n;
import nl.eindtoets.gateway.xml.SecureXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@link PayloadDigestTap} against {@link BodyDigest}: fed the exclusive canonical form of a whole SOAP Body (as
 * written for the Body's signature reference, with that reference's PrefixList), the tap must give exactly the
 * digest of the payload canonicalised on its own, or null. A non-null value that differs would put a wrong digest in
 * the audit; null for an ordinary request only costs a second canonicalisation.
 */
class PayloadDigestTapTest {

    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String WSA = "http://www.w3.org/2005/08/addressing";
    private static final String WSU =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String EC = "http://www.w3.org/2001/10/xml-exc-c14n#";
    private static final String GW = RequestFixtures.GATEWAY;
    private static final String LG = "http://www.edustandaard.nl/leerresultaten/2/leerlinggegevens";
    /** The PrefixList the project's client (WSS4J with inclusive prefixes) writes for the Body's reference. */
    private static final String CLIENT_PREFIXES = "wsa";
    /** The namespaces the project's client declares on the Envelope. */
    private static final String CLIENT_NAMESPACES =
            "xmlns:soap='" + SOAP + "' xmlns:wsa='" + WSA + "' xmlns:wsu='" + WSU + "'";
    private static final Path SAMPLES = Path.of("src/test/resources/samples");

    // --- ordinary requests ----------------------------------------------------------------------------------------

    static Stream<String> sampleBodies() throws Exception {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted()
                    .toList();
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("sampleBodies")
    void takesThePayloadDigestOfASampleBodyInTheClientsEnvelope(String sample) throws Exception {
        String xml = SecureXml.toString(clientEnvelope(sample));
        assertThat(body(xml).getAttributeNS(WSU, "Id")).as("the client gives the Body a wsu:Id").isNotEmpty();

        assertTapsThePayloadDigest(xml, CLIENT_PREFIXES);
    }

    @Test
    void takesThePayloadDigestOfARequestSignedByTheClientAndParsedBack() throws Exception {
        SignedRequest signed = new RequestSigner(KeystoreCredentials.of(Path.of("certs-dev", "las-a.p12"), "changeit")
                .load()).sign(clientEnvelope("deelnemers-99AA.xml"));
        String xml = new String(signed.toBytes(), StandardCharsets.UTF_8);
        Element body = body(xml);
        String prefixes = bodyReferencePrefixList(body);
        assertThat(prefixes).as("the client's PrefixList for the Body").isEqualTo(CLIENT_PREFIXES);

        assertTapsThePayloadDigest(xml, prefixes);
    }

    @Test
    void takesThePayloadDigestOfAPayloadInItsOwnDefaultNamespace() {
        assertTapsThePayloadDigest(envelope("<leerresultaten_verzoek xmlns='" + GW + "'>"
                + "<schooljaar>2026-2027</schooljaar><brincode>99AA</brincode></leerresultaten_verzoek>"),
                CLIENT_PREFIXES);
    }

    @Test
    void takesThePayloadDigestOfAnUnprefixedPayloadInNoNamespace() {
        assertTapsThePayloadDigest(envelope("<verzoek><brincode a='1'>99AA</brincode></verzoek>"), CLIENT_PREFIXES);
    }

    @Test
    void takesThePayloadDigestOfAPayloadUsingPrefixesOnlyItDeclares() {
        assertTapsThePayloadDigest(envelope("<gw:a xmlns:gw='" + GW + "'><lg:b xmlns:lg='" + LG + "' lg:c='1'>"
                + "<gw:d xmlns:gw='urn:other'>x</gw:d></lg:b></gw:a>"), CLIENT_PREFIXES);
    }

    @Test
    void takesThePayloadDigestWithoutAPrefixList() {
        assertTapsThePayloadDigest(envelope(verzoek()), null);
    }

    @Test
    void takesThePayloadDigestWithAnEmptyPrefixList() {
        assertTapsThePayloadDigest(envelope(verzoek()), "");
    }

    @Test
    void takesThePayloadDigestOfABodyReferencedByAPlainId() {
        assertTapsThePayloadDigest(envelope("xmlns:soap='" + SOAP + "'", "Id='Body-1'", verzoek()), CLIENT_PREFIXES);
    }

    @Test
    void takesThePayloadDigestDespiteWhitespaceAndCommentsAroundThePayload() {
        assertTapsThePayloadDigest(envelope("\n\t <!-- before -->\n" + verzoek() + "<!-- after -->\n  \t"),
                CLIENT_PREFIXES);
    }

    @Test
    void takesThePayloadDigestDespiteCommentsAndCdataInsideThePayload() {
        assertTapsThePayloadDigest(envelope("<gw:a xmlns:gw='" + GW + "'><!-- c --><gw:b><![CDATA[<x> & \"y\"]]></gw:b>"
                + "</gw:a>"), CLIENT_PREFIXES);
    }

    @Test
    void takesThePayloadDigestBeneathABodyStartTagWhoseAttributeValueHoldsGreaterThanAndSpaces() {
        assertTapsThePayloadDigest(envelope(CLIENT_NAMESPACES,
                "wsu:Id='Body-1' note='a > b &gt;  c=&quot;d&quot; &lt;gw:c> '", verzoek()), CLIENT_PREFIXES);
    }

    @Test
    void takesThePayloadDigestBeneathABodyWithXmlAttributes() {
        // Exclusive c14n does not carry xml:lang or xml:space down to the payload, on its own or inside the Body.
        assertTapsThePayloadDigest(envelope(CLIENT_NAMESPACES,
                "wsu:Id='Body-1' xml:lang='nl' xml:space='preserve'", verzoek()), CLIENT_PREFIXES);
    }

    @Test
    void takesThePayloadDigestBeneathABodyAttributeValueThatLooksLikeANamespaceDeclaration() {
        // values are skipped, so nothing in one passes for a declaration
        assertTapsThePayloadDigest(envelope(CLIENT_NAMESPACES,
                "wsu:Id='Body-1' note='> xmlns:gw=&quot;urn:x&quot; xmlns=&quot;&quot; >'", verzoek()),
                CLIENT_PREFIXES);
    }

    @Test
    void takesThePayloadDigestBeneathABodyAttributeValueWithXmlnsButNoEqualsSign() {
        assertTapsThePayloadDigest(envelope(CLIENT_NAMESPACES, "wsu:Id='Body-1' x='a xmlns:b'", verzoek()),
                CLIENT_PREFIXES);
    }

    @Test
    void takesThePayloadDigestBeneathAnUnprefixedBodyInTheSoapDefaultNamespace() {
        String xml = "<Envelope xmlns='" + SOAP + "'><Header/><Body>" + verzoek() + "</Body></Envelope>";

        assertTapsThePayloadDigest(xml, null);
    }

    // --- escaping, characters and size ---------------------------------------------------------------------------

    @Test
    void takesThePayloadDigestOfAttributeValuesWithMarkupCharactersTabsAndLineBreaks() {
        assertTapsThePayloadDigest(envelope("<gw:a xmlns:gw='" + GW + "' b='x > y' c='&quot;q&quot;' d='&amp;&lt;&gt;'"
                + " e='tab&#9;cr&#13;lf&#10;end' f=\"it's\"><gw:b g='&lt;gw:b h=&quot;1&quot;>'>x</gw:b></gw:a>"),
                CLIENT_PREFIXES);
    }

    @Test
    void takesThePayloadDigestOfTextWithMarkupCharactersTabsAndLineBreaks() {
        assertTapsThePayloadDigest(envelope("<gw:a xmlns:gw='" + GW + "'>a &gt; b &amp; c &lt; d \"e\" 'f'"
                + "\ttab&#13;cr\r\ncrlf &lt;gw:b x=\"1\"&gt;<gw:b>]]&gt;</gw:b></gw:a>"), CLIENT_PREFIXES);
    }

    @Test
    void takesThePayloadDigestOfNonAsciiTextAttributeValuesAndNames() {
        assertTapsThePayloadDigest(envelope("<gw:leerling xmlns:gw='" + GW + "' xmlns:ü='urn:ü' naam='Zoë 😀'"
                + " ü:é='ç'><gw:achternaam>Çelik-Brontë 😀 𝄞</gw:achternaam><gw:straße>ß</gw:straße><ü:ë>é</ü:ë>"
                + "</gw:leerling>"), CLIENT_PREFIXES);
    }

    @Test
    void takesThePayloadDigestOfAttributeValuesAndTextLongerThan8Kb() {
        String value = "é&amp;\"&gt;".repeat(3_000);
        String xml = envelope("<gw:a xmlns:gw='" + GW + "' long='" + value.replace("\"", "&quot;") + "'>"
                + "<gw:b>" + value + "</gw:b><gw:c c='" + "x".repeat(20_000) + "'/></gw:a>");
        assertThat(canonical(body(xml), CLIENT_PREFIXES).length).isGreaterThan(3 * 8192);

        assertTapsThePayloadDigest(xml, CLIENT_PREFIXES);
    }

    @Test
    void takesThePayloadDigestOfAPayloadOverOneMegabyte() throws Exception {
        String xml = envelope(manyPupils(6_000));
        assertThat(canonical(body(xml), CLIENT_PREFIXES).length).isGreaterThan(1 << 20);

        assertTapsThePayloadDigest(xml, CLIENT_PREFIXES);
    }

    // --- the Body's own prefixes: given up ------------------------------------------------------------------------

    @Test
    void givesUpOnAPayloadElementInTheBodysPrefix() {
        assertTapGivesUp(envelope("<soap:Fault><faultcode>soap:Client</faultcode></soap:Fault>"), CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnAPayloadAttributeInTheBodysPrefix() {
        assertTapGivesUp(envelope("<gw:a xmlns:gw='" + GW + "' soap:encodingStyle='urn:x'>x</gw:a>"), CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnADeepPayloadDescendantInTheBodysPrefix() {
        assertTapGivesUp(envelope("<gw:a xmlns:gw='" + GW + "'><gw:b><gw:c><soap:d/></gw:c></gw:b></gw:a>"),
                CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnAPayloadElementInTheWsuPrefix() {
        assertTapGivesUp(envelope("<gw:a xmlns:gw='" + GW + "'><wsu:Created>2026-01-01T00:00:00Z</wsu:Created></gw:a>"),
                CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnAPayloadAttributeInTheWsuPrefix() {
        assertTapGivesUp(envelope("<gw:a xmlns:gw='" + GW + "' wsu:Id='payload-1'>x</gw:a>"), CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnAPayloadUsingAPrefixListPrefixAsTheEnvelopeBindsIt() {
        assertTapGivesUp(envelope("<gw:a xmlns:gw='" + GW + "'><wsa:Address>urn:x</wsa:Address></gw:a>"),
                CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnAPayloadRedeclaringAPrefixListPrefixToAnotherUriAndUsingIt() {
        assertTapGivesUp(envelope("<gw:a xmlns:gw='" + GW + "'><wsa:b xmlns:wsa='urn:other'>x</wsa:b></gw:a>"),
                CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnAPayloadRedeclaringAPrefixListPrefixToAnotherUriWithoutUsingIt() {
        assertTapGivesUp(envelope("<gw:a xmlns:gw='" + GW + "' xmlns:wsa='urn:other'>x</gw:a>"), CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnAPayloadDeclaringAPrefixListPrefixTheEnvelopeDoesNotBind() {
        assertTapGivesUp(envelope("<gw:a xmlns:gw='" + GW + "' xmlns:p='urn:p'>x</gw:a>"), "wsa p");
    }

    @Test
    void givesUpOnAPayloadRedeclaringTheBodysPrefixToAnotherUri() {
        assertTapGivesUp(envelope("<soap:a xmlns:soap='urn:other'>x</soap:a>"), CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnAPayloadInTheEnvelopesDefaultNamespaceWhenThePrefixListHasDefault() {
        String xml = envelope(CLIENT_NAMESPACES + " xmlns='" + GW + "'",
                "wsu:Id='Body-1'", "<leerresultaten_verzoek><brincode>99AA</brincode></leerresultaten_verzoek>");

        assertTapGivesUp(xml, "wsa #default");
    }

    @Test
    void takesThePayloadDigestOfAPayloadInTheEnvelopesDefaultNamespaceWhenThePrefixListLacksDefault() {
        String xml = envelope(CLIENT_NAMESPACES + " xmlns='" + GW + "'",
                "wsu:Id='Body-1'", "<leerresultaten_verzoek><brincode>99AA</brincode></leerresultaten_verzoek>");

        assertTapsThePayloadDigest(xml, CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnAnUnprefixedPayloadDescendantBeneathABodyThatRendersADefaultNamespace() {
        String xml = "<Envelope xmlns='" + SOAP + "'><Body><gw:a xmlns:gw='" + GW + "'><b xmlns=''>x</b></gw:a></Body>"
                + "</Envelope>";

        assertTapGivesUp(xml, null);
    }

    @Test
    void givesUpOnAPayloadUsingANonAsciiPrefixTheBodysStartTagDeclares() {
        // The Body renders xmlns:é for its own attribute, so the payload's é:p renders no declaration inside it.
        String xml = envelope(CLIENT_NAMESPACES,
                "wsu:Id='Body-1' xmlns:é='urn:x' é:a='1'", "<é:p>x</é:p>");

        assertTapGivesUp(xml, CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnAnUnusedDefaultNamespaceDeclarationWhenThePrefixListNamesXmlns() {
        // Santuario reads a PrefixList token "xmlns" as the default namespace, as it reads "#default".
        assertTapGivesUp(envelope("<gw:a xmlns:gw='" + GW + "' xmlns='urn:d'>x</gw:a>"), "xmlns");
    }

    // --- anything but one element in the Body: given up -----------------------------------------------------------

    @Test
    void givesUpOnTwoElementsInTheBody() {
        assertTapGivesUp(envelope(verzoek() + "\n" + verzoek()), CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnTextAfterThePayload() {
        assertTapGivesUp(envelope(verzoek() + " trailing"), CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnTextBeforeThePayload() {
        assertTapGivesUp(envelope("leading " + verzoek()), CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnACarriageReturnBesideThePayload() {
        // canonical form writes it as &#xD;, which is not whitespace to the tap
        assertTapGivesUp(envelope(verzoek() + "&#13;"), CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnAProcessingInstructionBeforeThePayload() {
        assertTapGivesUp(envelope("<?pi data?>" + verzoek()), CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnAProcessingInstructionAfterThePayload() {
        assertTapGivesUp(envelope(verzoek() + "<?pi data?>"), CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnAProcessingInstructionInsideThePayload() {
        assertTapGivesUp(envelope("<gw:a xmlns:gw='" + GW + "'><?pi a > b?>x</gw:a>"), CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnAnEmptyBody() {
        assertTapGivesUp(envelope(""), CLIENT_PREFIXES);
    }

    @Test
    void givesUpOnABodyOfOnlyWhitespace() {
        assertTapGivesUp(envelope("\n  \t\n"), CLIENT_PREFIXES);
    }

    @Test
    void neverGivesAWrongDigestForNamesLongerThan256Bytes() {
        String name = "n".repeat(300);
        String xml = envelope("<gw:" + name + " xmlns:gw='" + GW + "' gw:" + name + "='1' " + name + "='2'><" + name
                + ">x</" + name + "></gw:" + name + ">");

        assertTapIsNullOrThePayloadDigest(xml, CLIENT_PREFIXES);
    }

    // --- how the bytes arrive -------------------------------------------------------------------------------------

    @Test
    void givesTheSameResultFedOneByteAtATime() throws Exception {
        for (Case c : chunkingCases()) {
            byte[] canonical = canonical(body(c.xml), c.prefixes);
            PayloadDigestTap tap = new PayloadDigestTap(c.prefixes);
            for (byte b : canonical) {
                tap.write(b);
            }

            assertThat(tap.hexOrNull()).as(c.xml).isEqualTo(fedAtOnce(canonical, c.prefixes));
        }
    }

    @Test
    void givesTheSameResultFedInRandomChunks() throws Exception {
        Random random = new Random(20261208L);
        for (Case c : chunkingCases()) {
            byte[] canonical = canonical(body(c.xml), c.prefixes);
            for (int round = 0; round < 20; round++) {
                PayloadDigestTap tap = new PayloadDigestTap(c.prefixes);
                for (int at = 0; at < canonical.length; ) {
                    int length = Math.min(canonical.length - at, random.nextInt(round % 2 == 0 ? 8 : 20_000));
                    // the chunk lies inside a larger array, as a buffered writer hands it over
                    byte[] padded = new byte[length + 6];
                    System.arraycopy(canonical, at, padded, 3, length);
                    tap.write(padded, 3, length);
                    at += length;
                }

                assertThat(tap.hexOrNull()).as(c.xml).isEqualTo(fedAtOnce(canonical, c.prefixes));
            }
        }
    }

    @Test
    void givesThePayloadDigestFedTheWholeBodyInOneWrite() throws Exception {
        String xml = envelope(manyPupils(50));
        byte[] canonical = canonical(body(xml), CLIENT_PREFIXES);

        assertThat(fedAtOnce(canonical, CLIENT_PREFIXES)).isEqualTo(BodyDigest.of(payload(body(xml))));
    }

    private static List<Case> chunkingCases() throws Exception {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(envelope(manyPupils(200)), CLIENT_PREFIXES));
        cases.add(new Case(envelope("<gw:a xmlns:gw='" + GW + "' b='x > &quot;y&quot;'>é 😀 &amp; &lt;</gw:a>"),
                CLIENT_PREFIXES));
        cases.add(new Case(envelope(CLIENT_NAMESPACES,
                "wsu:Id='Body-1' note='a > b'", verzoek()), CLIENT_PREFIXES));
        cases.add(new Case(envelope("<gw:a xmlns:gw='" + GW + "'><soap:b/></gw:a>"), CLIENT_PREFIXES));
        cases.add(new Case(envelope(verzoek() + verzoek()), CLIENT_PREFIXES));
        cases.add(new Case(envelope(""), CLIENT_PREFIXES));
        // the cases cover both outcomes
        assertThat(cases.stream().filter(c -> fedAtOnceOf(c) != null).count()).isGreaterThanOrEqualTo(3);
        assertThat(cases.stream().filter(c -> fedAtOnceOf(c) == null).count()).isGreaterThanOrEqualTo(3);
        return cases;
    }

    private static String fedAtOnceOf(Case c) {
        return fedAtOnce(canonical(body(c.xml), c.prefixes), c.prefixes);
    }

    private static String fedAtOnce(byte[] canonical, String prefixes) {
        PayloadDigestTap tap = new PayloadDigestTap(prefixes);
        tap.write(canonical, 0, canonical.length);
        return tap.hexOrNull();
    }

    private record Case(String xml, String prefixes) {
    }

    // --- adversarial payloads ---------------------------------------------------------------------------------------

    @Test
    void neverGivesAWrongDigestForRandomPayloadsMixingReservedPrefixes() {
        Random random = new Random(8_12_2026L);
        int cases = 600;
        int taken = 0;
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            Generated g = new Generator(random).generate();
            Element body = body(g.xml);
            Element payload = payload(body);
            String tapped = tapped(body, g.prefixes);
            if (tapped == null) {
                continue;
            }
            taken++;
            String expected = payload == null ? null : BodyDigest.of(payload);
            if (!tapped.equals(expected)) {
                wrong.add("PrefixList=" + (g.prefixes == null ? "null" : "\"" + g.prefixes + "\"") + "\n" + g.xml
                        + "\nexpected " + expected + "\nactual   " + tapped);
            }
        }

        assertThat(wrong).withFailMessage(() -> wrong.size() + " of " + cases
                + " random Bodies got a wrong digest; the shortest:\n\n" + wrong.stream()
                        .sorted(Comparator.comparingInt(String::length)).limit(3).collect(Collectors.joining("\n\n")))
                .isEmpty();
        assertThat(taken).as("random Bodies whose payload digest the tap took").isGreaterThan(cases / 10);
    }

    private record Generated(String xml, String prefixes) {
    }

    /**
     * A random Envelope and Body (prefix, declarations, Id attribute, extra attributes) with a random PrefixList and
     * a random payload that mixes the Body's prefix, wsu, the PrefixList's prefixes and the default namespace with
     * ordinary ones, redeclares them along the way and uses them on elements and attributes; now and then the Body
     * holds something else than one element.
     */
    private static final class Generator {
        private static final String[] PREFIXES = {"", "", "p", "q", "gw", "wsu", "wsa", "x", "ü", "é"};
        private static final String[] URIS = {"urn:a", "urn:b", GW, SOAP, WSU, WSA};
        private static final String[] VALUES = {"1", "a > b", "&quot;q&quot;", "&amp;&lt;&gt;", "tab&#9;cr&#13;lf&#10;",
                "é", "😀", " xmlns:p=&quot;urn:a&quot; ", ""};
        private static final String[] TEXTS = {"x", " ", "a &gt; b", "&amp;&lt;", "\"'", "tab\tcr&#13;lf\n", "é😀",
                "<![CDATA[<p:x>]]>", "<!-- c -->"};
        private static final String[] PREFIX_LISTS = {null, "", "wsa", "wsa", "wsa", "#default", "wsa #default",
                "SOAP wsu", " wsa\tp ", "p q", "x", "é", "xmlns"};

        private final Random random;
        private String soapPrefix;

        Generator(Random random) {
            this.random = random;
        }

        Generated generate() {
            soapPrefix = pick(new String[] {"soap", "soap", "s", "SOAP", "x", "é"});
            String prefixes = pick(PREFIX_LISTS);
            if (prefixes != null) {
                prefixes = prefixes.replace("SOAP", soapPrefix);
            }
            Map<String, String> scope = new LinkedHashMap<>();
            StringBuilder envelopeNs = new StringBuilder(" xmlns:" + soapPrefix + "='" + SOAP + "'");
            scope.put(soapPrefix, SOAP);
            for (String prefix : new String[] {"wsa", "wsu", "p", "x"}) {
                if (!scope.containsKey(prefix) && random.nextInt(3) > 0) {
                    String uri = prefix.equals("wsa") ? WSA : prefix.equals("wsu") ? WSU : pick(URIS);
                    envelopeNs.append(" xmlns:").append(prefix).append("='").append(uri).append('\'');
                    scope.put(prefix, uri);
                }
            }
            if (random.nextInt(4) == 0) {
                String uri = pick(URIS);
                envelopeNs.append(" xmlns='").append(uri).append('\'');
                scope.put("", uri);
            }
            StringBuilder bodyAttributes = new StringBuilder();
            switch (random.nextInt(3)) {
                case 0 -> {
                    if (!WSU.equals(scope.get("wsu"))) {
                        bodyAttributes.append(" xmlns:wsu='").append(WSU).append('\'');
                        scope.put("wsu", WSU);
                    }
                    bodyAttributes.append(" wsu:Id='Body-1'");
                }
                case 1 -> bodyAttributes.append(" Id='Body-1'");
                default -> { }
            }
            if (random.nextInt(4) == 0) {
                String prefix = pick(new String[] {"q", "ü", "gw"});
                String uri = scope.get(prefix);
                if (uri == null || uri.isEmpty()) {
                    uri = pick(URIS);
                    bodyAttributes.append(" xmlns:").append(prefix).append("='").append(uri).append('\'');
                    scope.put(prefix, uri);
                }
                bodyAttributes.append(' ').append(prefix).append(":note='").append(pick(VALUES)).append('\'');
            }
            if (random.nextInt(4) == 0) {
                bodyAttributes.append(" note='a > b ").append(pick(VALUES)).append('\'');
            }
            String content = switch (random.nextInt(20)) {
                case 0 -> element(scope, 0) + element(scope, 0);
                case 1 -> "text " + element(scope, 0);
                case 2 -> element(scope, 0) + " text";
                case 3 -> "<?pi a > b?>" + element(scope, 0);
                case 4 -> element(scope, 0) + "<?pi?>";
                case 5 -> pick(new String[] {"", " \n\t", "<!-- c -->"});
                default -> pick(new String[] {"", "\n", " \t", "<!-- c -->\n"}) + element(scope, 0)
                        + pick(new String[] {"", "\n", " \t\n", "<!-- c -->"});
            };
            String s = soapPrefix;
            String xml = "<" + s + ":Envelope" + envelopeNs + "><" + s + ":Header/><" + s + ":Body" + bodyAttributes
                    + ">" + content + "</" + s + ":Body></" + s + ":Envelope>";
            return new Generated(xml, prefixes);
        }

        private String element(Map<String, String> outer, int depth) {
            Map<String, String> scope = new LinkedHashMap<>(outer);
            Map<String, String> declarations = new LinkedHashMap<>();
            for (int n = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0; n > 0; n--) {
                String prefix = pick(prefixesWithSoap());
                String uri = prefix.isEmpty() && random.nextInt(3) == 0 ? "" : pick(URIS);
                declarations.put(prefix, uri);
                scope.put(prefix, uri);
            }
            String prefix = pick(prefixesWithSoap());
            bind(prefix, scope, declarations);
            String name = (prefix.isEmpty() ? "" : prefix + ":") + "e" + depth;
            StringBuilder attributes = new StringBuilder();
            int count = random.nextInt(4);
            for (int a = 0; a < count; a++) {
                String attributePrefix = random.nextBoolean() ? "" : pick(prefixesWithSoap());
                bind(attributePrefix, scope, declarations);
                attributes.append(' ').append(attributePrefix.isEmpty() ? "" : attributePrefix + ":")
                        .append("a").append(a).append("='").append(pick(VALUES)).append('\'');
            }
            StringBuilder xml = new StringBuilder("<").append(name);
            declarations.forEach((p, uri) -> xml.append(p.isEmpty() ? " xmlns" : " xmlns:" + p).append("='").append(uri)
                    .append('\''));
            xml.append(attributes).append('>');
            int children = depth < 3 ? random.nextInt(4) : 0;
            for (int c = 0; c < children; c++) {
                xml.append(random.nextInt(3) == 0 ? pick(TEXTS) : element(scope, depth + 1));
            }
            return xml.append("</").append(name).append('>').toString();
        }

        /** Declares {@code prefix} on the element when it is not bound to a namespace yet. */
        private void bind(String prefix, Map<String, String> scope, Map<String, String> declarations) {
            String uri = scope.get(prefix);
            if (!prefix.isEmpty() && (uri == null || uri.isEmpty())) {
                uri = pick(URIS);
                declarations.put(prefix, uri);
                scope.put(prefix, uri);
            }
        }

        private String[] prefixesWithSoap() {
            String[] all = PREFIXES.clone();
            all[all.length - 1] = random.nextBoolean() ? soapPrefix : "é";
            return all;
        }

        private <T> T pick(T[] options) {
            return options[random.nextInt(options.length)];
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static void assertTapsThePayloadDigest(String envelope, String prefixes) {
        Element body = body(envelope);
        Element payload = payload(body);
        assertThat(payload).as(envelope).isNotNull();

        assertThat(tapped(body, prefixes)).as(description(envelope, prefixes)).isNotNull()
                .isEqualTo(BodyDigest.of(payload));
    }

    private static void assertTapGivesUp(String envelope, String prefixes) {
        Element body = body(envelope);
        Element payload = payload(body);

        assertThat(tapped(body, prefixes)).as(description(envelope, prefixes) + "\nthe payload's digest is "
                + (payload == null ? null : BodyDigest.of(payload))).isNull();
    }

    private static void assertTapIsNullOrThePayloadDigest(String envelope, String prefixes) {
        Element body = body(envelope);
        String tapped = tapped(body, prefixes);
        if (tapped != null) {
            assertThat(tapped).as(description(envelope, prefixes)).isEqualTo(BodyDigest.of(payload(body)));
        }
    }

    private static String description(String envelope, String prefixes) {
        String shown = envelope.length() > 4_000 ? envelope.substring(0, 4_000) + "..." : envelope;
        return "PrefixList=" + (prefixes == null ? "null" : "\"" + prefixes + "\"") + "\n" + shown;
    }

    /** The tap's result for the Body canonicalised as for its signature reference. */
    private static String tapped(Element body, String prefixes) {
        PayloadDigestTap tap = new PayloadDigestTap(prefixes);
        try {
            ExclusiveC14n.write(body, prefixes, tap);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return tap.hexOrNull();
    }

    private static byte[] canonical(Element element, String prefixes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ExclusiveC14n.write(element, prefixes, out);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** soap:Body of the envelope, parsed namespace-aware as the gateway parses a request. */
    private static Element body(String envelope) {
        try {
            Element body = new RequestDocument(SecureXml.parse(envelope.getBytes(StandardCharsets.UTF_8))).body();
            assertThat(body).as(envelope).isNotNull();
            return body;
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalArgumentException("not well-formed: " + envelope, e);
        }
    }

    /** The Body's first element child, as {@link RequestDocument#payload()} finds it. */
    private static Element payload(Element body) {
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    /** The PrefixList of the signature reference that points at {@code body} by its wsu:Id. */
    private static String bodyReferencePrefixList(Element body) {
        String uri = "#" + body.getAttributeNS(WSU, "Id");
        var references = body.getOwnerDocument().getElementsByTagNameNS(DS, "Reference");
        for (int i = 0; i < references.getLength(); i++) {
            Element reference = (Element) references.item(i);
            if (uri.equals(reference.getAttribute("URI"))) {
                Element inclusive = (Element) reference.getElementsByTagNameNS(EC, "InclusiveNamespaces").item(0);
                return inclusive == null ? null : inclusive.getAttribute("PrefixList");
            }
        }
        throw new AssertionError("no reference to " + uri);
    }

    /** An envelope as the client builds it: soap, wsa and wsu on the Envelope, a wsu:Id on the Body. */
    private static String envelope(String bodyContent) {
        return envelope(CLIENT_NAMESPACES, "wsu:Id='Body-1'", bodyContent);
    }

    /** The client's envelope for a BrengDeelnemers request whose payload is the sample file {@code sample}. */
    private static Document clientEnvelope(String sample) throws Exception {
        return EnvelopeBuilder.forXml(Files.readAllBytes(SAMPLES.resolve(sample)))
                .to(URI.create("https://localhost:8443" + RequestFixtures.DEELNEMERS_PATH),
                        new Oin(RequestFixtures.GATEWAY_OIN))
                .action(RequestFixtures.BRENG_DEELNEMERS).from(Oin.ofSchool("99AA")).build();
    }

    private static String envelope(String envelopeNamespaces, String bodyAttributes, String bodyContent) {
        return "<soap:Envelope " + envelopeNamespaces + "><soap:Header><wsa:Action xmlns:wsa='" + WSA + "'>"
                + RequestFixtures.BRENG_DEELNEMERS + "</wsa:Action></soap:Header><soap:Body " + bodyAttributes + ">"
                + bodyContent + "</soap:Body></soap:Envelope>";
    }

    private static String verzoek() {
        return RequestFixtures.leerresultatenVerzoek("99AA").replace("<gw:leerresultaten_verzoek>",
                "<gw:leerresultaten_verzoek xmlns:gw='" + GW + "'>");
    }

    /** A deelnemers delivery with {@code pupils} pupils, in the shape of the samples. */
    private static String manyPupils(int pupils) {
        StringBuilder xml = new StringBuilder("<gw:deelnemers_aanlevering xmlns:gw='" + GW + "' xmlns:lg='" + LG + "'>"
                + "<lg:leerlinggegevens><lg:school><lg:brincode>99AA</lg:brincode></lg:school><lg:leerlingen>\n");
        for (int i = 0; i < pupils; i++) {
            xml.append("  <lg:leerling key='99AA-lln-").append(i).append("' eckid='https://ketenid.nl/201703/")
                    .append(Integer.toHexString(i * 7919)).append("'><lg:achternaam>Jansen &amp; Zoë ").append(i)
                    .append("</lg:achternaam><lg:roepnaam>Sanne</lg:roepnaam><lg:geboortedatum>2014-12-14")
                    .append("</lg:geboortedatum><lg:jaargroep>8</lg:jaargroep></lg:leerling>\n");
        }
        return xml.append("</lg:leerlingen></lg:leerlinggegevens></gw:deelnemers_aanlevering>").toString();
    }
}
