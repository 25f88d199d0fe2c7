package nl.eindtoets.gateway.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.EnvelopeBuilder;
import nl.eindtoets.gateway.client.Exchange;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.HttpResult;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.SignedPart;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.client.SigningOptions;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.client.WsaHeader;
import nl.eindtoets.gateway.it.RunningGateway;
import nl.eindtoets.gateway.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Does what SoapUI does with one test case of the project, using the gateway's own client API against the real
 * gateway: the keystore the case names for TLS and for signing, its outgoing WS-Security configuration, its WS-A
 * settings, its scenario (single, frozen, replay, tamper); then evaluates the case's own SoapUI assertions on the answer.
 * Returns the failed assertions (empty: the gateway behaves as the project expects).
 */
final class SoapUiCaseRunner {

    /** The base URL the project's endpoints and wsa:To use; replaced by the test gateway's. */
    static final String PROJECT_BASE = "https://localhost:8443";

    private final SoapUiProject project;
    private final RunningGateway gateway;

    SoapUiCaseRunner(SoapUiProject project, RunningGateway gateway) {
        this.project = project;
        this.gateway = gateway;
    }

    private record Sent(SignedRequest signed, byte[] bytes, HttpResult result, EindtoetsClient client, Operation op) {
    }

    List<String> run(SoapUiProject.TestCase tc) throws Exception {
        List<String> failures = new ArrayList<>();
        Sent first = null;
        for (SoapUiProject.Step step : tc.steps()) {
            if (!"request".equals(step.type())) {
                continue; // the Groovy step's work (copy, optionally alter) is done below from the case properties
            }
            SoapUiProject.RequestStep req = step.request();
            Sent sent;
            if (first != null && !"single".equals(tc.property("scenario"))) {
                byte[] bytes = first.bytes();
                if ("tamper".equals(tc.property("scenario"))) {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    String from = tc.property("tamperFrom");
                    if (!text.contains(from)) {
                        failures.add("tamperFrom not found in the signed request");
                        return failures;
                    }
                    bytes = text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(tc.property("tamperTo")))
                            .getBytes(StandardCharsets.UTF_8);
                }
                HttpResult result = first.client().http().post(first.client().endpoint(first.op()), bytes,
                        first.op().action());
                sent = new Sent(first.signed(), bytes, result, first.client(), first.op());
            } else {
                sent = send(req);
                first = sent;
            }
            failures.addAll(check(req, sent));
        }
        return failures;
    }

    private Sent send(SoapUiProject.RequestStep req) throws Exception {
        Operation op = Operation.byName(req.operation());
        String tls = keyName(req.sslKeystore());
        SoapUiProject.Outgoing wss = req.outgoingWss().isEmpty() ? null : project.outgoing.get(req.outgoingWss());
        String signer = wss == null ? tls : keyName(wss.crypto());
        EindtoetsClient client = gateway.client(signer, tls);
        String soapAction = unquote(req.httpHeaders().getOrDefault("SOAPAction", op.action()));
        byte[] content = req.content().getBytes(StandardCharsets.UTF_8);
        Document given = SecureXml.parse(content);
        if (given.getElementsByTagNameNS(Namespaces.WSSE, "Security").getLength() > 0) {
            // Sent as written: an envelope signed earlier.
            HttpResult result = client.http().post(client.endpoint(op), content, soapAction);
            return new Sent(null, content, result, client, op);
        }
        EnvelopeBuilder builder = EnvelopeBuilder.forPayload(payload(given));
        SoapUiProject.WsaConfig wsa = req.wsa();
        if (req.useWsAddressing()) {
            apply(builder, WsaHeader.TO, wsa.get("to").map(this::onTestGateway).orElse(null));
            apply(builder, WsaHeader.ACTION, wsa.get("action").orElse(null));
            apply(builder, WsaHeader.FROM, wsa.get("from").orElse(null));
            if (wsa.get("replyTo").isPresent()) {
                builder.header(WsaHeader.REPLY_TO, wsa.get("replyTo").get());
            }
            if ("false".equals(wsa.attributes().get("generateMessageId"))) {
                builder.omit(WsaHeader.MESSAGE_ID);
            }
        } else {
            builder.omit(WsaHeader.values());
        }
        Document envelope = builder.build();
        if (wss == null) {
            byte[] bytes = SecureXml.toBytes(envelope);
            return new Sent(null, bytes, client.http().post(client.endpoint(op), bytes, soapAction), client, op);
        }
        SignedRequest signed = client.signer().sign(envelope, options(wss));
        byte[] bytes = signed.toBytes();
        return new Sent(signed, bytes, client.http().post(client.endpoint(op), bytes, soapAction), client, op);
    }

    private static void apply(EnvelopeBuilder builder, WsaHeader header, String value) {
        if (value == null) {
            builder.omit(header);
        } else {
            builder.header(header, value);
        }
    }

    private String onTestGateway(String to) {
        return to.startsWith(PROJECT_BASE) ? gateway.baseUrl() + to.substring(PROJECT_BASE.length()) : to;
    }

    /** The outgoing WS-Security configuration as signing options of the client. */
    static SigningOptions options(SoapUiProject.Outgoing wss) {
        Set<SignedPart> parts = EnumSet.noneOf(SignedPart.class);
        for (SoapUiProject.SignaturePart p : wss.parts()) {
            parts.add(switch (p.name()) {
                case "Body" -> SignedPart.BODY;
                case "Timestamp" -> SignedPart.TIMESTAMP;
                case "To" -> SignedPart.TO;
                case "Action" -> SignedPart.ACTION;
                case "MessageID" -> SignedPart.MESSAGE_ID;
                case "From" -> SignedPart.FROM;
                case "ReplyTo" -> SignedPart.REPLY_TO;
                default -> throw new IllegalArgumentException("unsupported signature part " + p.name());
            });
        }
        SigningOptions options = SigningOptions.defaults()
                .withParts(parts.toArray(SignedPart[]::new))
                .withAlgorithms(wss.signatureAlgorithm(), wss.digestAlgorithm());
        return wss.timestamp() ? options : options.withoutTimestamp();
    }

    /** Evaluates the step's SoapUI assertions, and for a step with incoming WS-Security, verifies the answer. */
    private List<String> check(SoapUiProject.RequestStep req, Sent sent) throws Exception {
        List<String> failures = new ArrayList<>();
        String body = new String(sent.result().body(), StandardCharsets.UTF_8);
        Document response;
        try {
            response = SecureXml.parse(sent.result().body());
        } catch (org.xml.sax.SAXException e) {
            failures.add(req.name() + ": answer is not XML (HTTP " + sent.result().status() + "): " + body);
            return failures;
        }
        boolean fault = response.getElementsByTagNameNS(Namespaces.SOAP11, "Fault").getLength() > 0;
        for (SoapUiProject.Assertion a : req.assertions()) {
            String problem = switch (a.type()) {
                case "SOAP Fault Assertion" -> fault ? null : "expected a SOAP Fault";
                case "Not SOAP Fault Assertion" -> fault ? "unexpected SOAP Fault" : null;
                case "Valid HTTP Status Codes" -> List.of(a.configuration().get("codes").split(","))
                        .contains(String.valueOf(sent.result().status())) ? null : "HTTP " + sent.result().status();
                case "Simple Contains" -> contains(a, body) ? null : "does not contain " + a.configuration().get("token");
                case "XPath Match" -> {
                    String actual = xpath(a.configuration().get("path"), response);
                    yield actual.equals(a.configuration().get("content").strip()) ? null
                            : "XPath " + a.configuration().get("path").replace('\n', ' ') + " = '" + actual + "'";
                }
                default -> "assertion type not understood by this test: " + a.type();
            };
            if (problem != null) {
                failures.add(req.name() + " / " + a.name() + ": " + problem + " — answer: " + summary(response, body));
            }
        }
        if (!req.incomingWss().isEmpty() && !fault && sent.signed() != null) {
            GatewayResponse verified = sent.client().verify(new Exchange(sent.op(), sent.signed(), sent.result()));
            if (!(verified instanceof VerifiedResponse)) {
                failures.add(req.name() + ": answer did not verify as a signed response");
            }
        }
        return failures;
    }

    private static boolean contains(SoapUiProject.Assertion a, String body) {
        String token = a.configuration().get("token");
        boolean ignoreCase = Boolean.parseBoolean(a.configuration().get("ignoreCase"));
        if (Boolean.parseBoolean(a.configuration().get("useRegEx"))) {
            return Pattern.compile(token, ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(body).matches();
        }
        return ignoreCase ? body.toLowerCase().contains(token.toLowerCase()) : body.contains(token);
    }

    /** SoapUI's XPath syntax: "declare namespace p='uri';" lines, then the expression. */
    static String xpath(String path, Document doc) throws Exception {
        Map<String, String> ns = new java.util.HashMap<>();
        Matcher m = Pattern.compile("declare namespace\\s+(\\w+)\\s*=\\s*['\"]([^'\"]+)['\"]\\s*;").matcher(path);
        int end = 0;
        while (m.find()) {
            ns.put(m.group(1), m.group(2));
            end = m.end();
        }
        XPath xp = XPathFactory.newInstance().newXPath();
        xp.setNamespaceContext(new NamespaceContext() {
            public String getNamespaceURI(String prefix) {
                return ns.getOrDefault(prefix, "");
            }

            public String getPrefix(String uri) {
                return null;
            }

            public java.util.Iterator<String> getPrefixes(String uri) {
                return java.util.Collections.emptyIterator();
            }
        });
        Object result = xp.evaluate(path.substring(end).strip(), doc, XPathConstants.STRING);
        String s = String.valueOf(result);
        // XPath 1.0 renders count() as "1" via string(); booleans come back as "true"/"false".
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static String summary(Document response, String body) {
        Node code = response.getElementsByTagName("faultcode").item(0);
        if (code != null) {
            Node dk = response.getElementsByTagNameNS(Namespaces.GATEWAY, "digikoppelingcode").item(0);
            return "fault " + code.getTextContent() + (dk == null ? "" : " (" + dk.getTextContent() + ")");
        }
        return body.length() > 300 ? body.substring(body.length() - 300) : body;
    }

    static Element payload(Document envelope) {
        Element body = (Element) envelope.getElementsByTagNameNS(Namespaces.SOAP11, "Body").item(0);
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new IllegalArgumentException("empty soap:Body");
    }

    private static String keyName(String p12) {
        return p12.endsWith(".p12") ? p12.substring(0, p12.length() - 4) : p12;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
