package nl.eindtoets.gateway.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.eindtoets.gateway.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Read-only model of {@code soapui/eindtoets-gateway-soapui-project.xml} (SoapUI 5.x format, namespace
 * {@code http://eviware.com/soapui/config}): what its keystores, WS-Security configurations and test cases say, so the
 * project can be checked against the schema and replayed against the real gateway.
 */
final class SoapUiProject {

    static final String CON = "http://eviware.com/soapui/config";
    static final Path FILE = Path.of("soapui", "eindtoets-gateway-soapui-project.xml");

    record Crypto(String name, Path path, String password, String type, String alias) {
    }

    record SignaturePart(String name, String namespace) {
    }

    record Outgoing(String name, boolean timestamp, int timeToLive, String crypto, String alias,
                    Integer keyIdentifierType, boolean useSingleCert, String signatureAlgorithm, String digestAlgorithm,
                    String canonicalization, List<SignaturePart> parts) {
    }

    record Assertion(String type, String name, Map<String, String> configuration) {
    }

    record WsaConfig(Map<String, String> attributes) {
        Optional<String> get(String name) {
            String v = attributes.get(name);
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
        }
    }

    record RequestStep(String name, String iface, String operation, String content, String outgoingWss,
                       String incomingWss, String sslKeystore, boolean useWsAddressing, WsaConfig wsa,
                       Map<String, String> httpHeaders, String endpoint, List<Assertion> assertions) {
    }

    record Step(String type, String name, RequestStep request, String script) {
    }

    record TestCase(String suite, String name, Map<String, String> properties, List<Step> steps) {
        String property(String key) {
            return properties.getOrDefault(key, "");
        }

        List<RequestStep> requests() {
            return steps.stream().filter(s -> s.request() != null).map(Step::request).toList();
        }

        boolean negative() {
            return !property("expectedFault").isEmpty();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Interface(String name, String definition, List<String> operations) {
    }

    private final Path dir;
    final Map<String, Crypto> cryptos = new LinkedHashMap<>();
    final Map<String, Outgoing> outgoing = new LinkedHashMap<>();
    final List<String> incoming = new ArrayList<>();
    final List<Interface> interfaces = new ArrayList<>();
    final List<TestCase> testCases = new ArrayList<>();

    private SoapUiProject(Path file, Document doc) {
        this.dir = file.toAbsolutePath().getParent();
        Element root = doc.getDocumentElement();
        if (!CON.equals(root.getNamespaceURI()) || !"soapui-project".equals(root.getLocalName())) {
            throw new IllegalArgumentException("not a SoapUI project: " + root.getNodeName());
        }
        for (Element i : children(root, "interface")) {
            List<String> ops = children(i, "operation").stream().map(o -> o.getAttribute("name")).toList();
            interfaces.add(new Interface(i.getAttribute("name"), i.getAttribute("definition"), ops));
        }
        Element wss = child(root, "wssContainer");
        for (Element c : children(wss, "crypto")) {
            String source = text(c, "source");
            Path path = dir.resolve(source).normalize();
            cryptos.put(path.getFileName().toString(), new Crypto(path.getFileName().toString(), path,
                    text(c, "password"), text(c, "type"), text(c, "defaultAlias")));
        }
        for (Element in : children(wss, "incoming")) {
            incoming.add(text(in, "name"));
        }
        for (Element out : children(wss, "outgoing")) {
            outgoing.put(text(out, "name"), outgoing(out));
        }
        for (Element suite : children(root, "testSuite")) {
            for (Element tc : children(suite, "testCase")) {
                Map<String, String> props = new LinkedHashMap<>();
                Element properties = child(tc, "properties");
                if (properties != null) {
                    for (Element p : children(properties, "property")) {
                        props.put(text(p, "name"), text(p, "value"));
                    }
                }
                List<Step> steps = new ArrayList<>();
                for (Element ts : children(tc, "testStep")) {
                    String type = ts.getAttribute("type");
                    Element config = child(ts, "config");
                    if ("request".equals(type)) {
                        steps.add(new Step(type, ts.getAttribute("name"), request(ts.getAttribute("name"), config), null));
                    } else {
                        steps.add(new Step(type, ts.getAttribute("name"), null, plain(config, "script")));
                    }
                }
                testCases.add(new TestCase(suite.getAttribute("name"), tc.getAttribute("name"), props, steps));
            }
        }
    }

    static SoapUiProject load() throws Exception {
        return new SoapUiProject(FILE, SecureXml.parse(Files.readAllBytes(FILE)));
    }

    Path resolve(String relative) {
        return dir.resolve(relative).normalize();
    }

    private static Outgoing outgoing(Element out) {
        boolean timestamp = false;
        int ttl = 0;
        String crypto = null;
        String alias = null;
        Integer keyIdType = null;
        boolean singleCert = false;
        String sigAlg = null;
        String digest = null;
        String c14n = null;
        List<SignaturePart> parts = new ArrayList<>();
        for (Element entry : children(out, "entry")) {
            Element conf = child(entry, "configuration");
            switch (entry.getAttribute("type")) {
                case "Timestamp" -> {
                    timestamp = true;
                    ttl = Integer.parseInt(plain(conf, "timeToLive"));
                }
                case "Signature" -> {
                    crypto = plain(conf, "crypto");
                    alias = entry.getAttribute("username");
                    String kit = plain(conf, "keyIdentifierType");
                    keyIdType = kit == null || kit.isEmpty() ? null : Integer.valueOf(kit);
                    singleCert = Boolean.parseBoolean(plain(conf, "useSingleCert"));
                    sigAlg = plain(conf, "signatureAlgorithm");
                    digest = plain(conf, "digestAlgorithm");
                    c14n = plain(conf, "signatureCanonicalization");
                    for (Node n = conf.getFirstChild(); n != null; n = n.getNextSibling()) {
                        if (n instanceof Element e && "signaturePart".equals(e.getLocalName())) {
                            parts.add(signaturePart(e.getTextContent()));
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unexpected WS-Security entry " + entry.getAttribute("type"));
            }
        }
        return new Outgoing(text(out, "name"), timestamp, ttl, crypto, alias, keyIdType, singleCert, sigAlg, digest, c14n,
                parts);
    }

    /** A Parts-table row: an xml-fragment of con:entry key/value pairs (id, name, namespace, enc). */
    private static SignaturePart signaturePart(String fragment) {
        try {
            Element frag = SecureXml.parse(fragment.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getDocumentElement();
            Map<String, String> kv = new LinkedHashMap<>();
            for (Element e : children(frag, "entry")) {
                kv.put(e.getAttribute("key"), e.getAttribute("value"));
            }
            return new SignaturePart(kv.get("name"), kv.get("namespace"));
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalArgumentException("bad signaturePart: " + fragment, e);
        }
    }

    private static RequestStep request(String stepName, Element config) {
        Element req = child(config, "request");
        Map<String, String> wsa = new LinkedHashMap<>();
        Element wsaConfig = child(req, "wsaConfig");
        if (wsaConfig != null) {
            for (int i = 0; i < wsaConfig.getAttributes().getLength(); i++) {
                Node a = wsaConfig.getAttributes().item(i);
                wsa.put(a.getNodeName(), a.getNodeValue());
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Element settings = child(req, "settings");
        if (settings != null) {
            for (Element s : children(settings, "setting")) {
                if (s.getAttribute("id").endsWith("@request-headers")) {
                    try {
                        Element frag = SecureXml.parse(s.getTextContent().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                .getDocumentElement();
                        for (Element e : children(frag, "entry")) {
                            headers.put(e.getAttribute("key"), e.getAttribute("value"));
                        }
                    } catch (org.xml.sax.SAXException e) {
                        throw new IllegalArgumentException(e);
                    }
                }
            }
        }
        List<Assertion> assertions = new ArrayList<>();
        for (Element a : children(req, "assertion")) {
            Map<String, String> conf = new LinkedHashMap<>();
            Element c = child(a, "configuration");
            if (c != null) {
                for (Node n = c.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e) {
                        conf.put(e.getLocalName(), e.getTextContent());
                    }
                }
            }
            assertions.add(new Assertion(a.getAttribute("type"), a.getAttribute("name"), conf));
        }
        return new RequestStep(stepName, text(config, "interface"), text(config, "operation"), text(req, "request"),
                req.getAttribute("outgoingWss"), req.getAttribute("incomingWss"), req.getAttribute("sslKeystore"),
                Boolean.parseBoolean(req.getAttribute("useWsAddressing")), new WsaConfig(wsa), headers,
                text(req, "endpoint"), assertions);
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && CON.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    static Element child(Element parent, String localName) {
        List<Element> c = children(parent, localName);
        return c.isEmpty() ? null : c.get(0);
    }

    private static String text(Element parent, String localName) {
        Element c = child(parent, localName);
        return c == null ? null : c.getTextContent();
    }

    /** Text of an unprefixed child (the children of a WS-Security entry's configuration have no namespace). */
    private static String plain(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        return null;
    }
}
