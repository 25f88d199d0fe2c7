import com.sun.xml.ws.api.message.Headers;
import com.sun.xml.ws.developer.WSBindingProvider;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A LAS built on Eclipse Metro/WSIT, calling the gateway as a Metro integrator would: a {@code Dispatch<Source>} on
 * the service and port of the gateway's own WSDL, so Metro's security tube applies the WS-SecurityPolicy attached to
 * the binding there (asymmetric binding, X509v3 tokens, Timestamp, the signed parts, SignatureConfirmation). The
 * only Metro configuration is {@code META-INF/wsit-client.xml} (signing key and trust store) on the class path; TLS
 * client authentication comes from the {@code javax.net.ssl.*} system properties.
 *
 * <p>Runs in a JVM of its own with only Metro on the class path:
 * <pre>
 * java -cp 'target/metro-lib/*:src/test/metro' -Djavax.net.ssl.keyStore=certs-dev/las-a.p12 ... \
 *      src/test/metro/MetroClient.java --wsdl wsdl/Eindtoets_Deelnemers_v1.wsdl --service DeelnemersService \
 *      --port DeelnemersPort --endpoint https://127.0.0.1:8443/eindtoets/deelnemers?oin=00000099000000002000 \
 *      --action urn:eindtoets-gateway:1:BrengDeelnemers --school-oin 0000000700099AA00000 \
 *      --body samples/brengdeelnemers/99AA-happy.xml
 * </pre>
 *
 * <p>Prints one result line: {@code METRO-ANSWER {namespace}localName} when Metro accepted the answer (its signature,
 * Timestamp and SignatureConfirmation verified by Metro under the policy), {@code METRO-FAULT {namespace}localName}
 * with the faultcode of a SOAP fault, or {@code METRO-ERROR} when Metro refused the answer or could not send;
 * exit status 0, 1 and 2 respectively.
 */
public final class MetroClient {

    private static final String NS = "urn:eindtoets-gateway:1";
    private static final String WSA = "http://www.w3.org/2005/08/addressing";
    private static final String ANONYMOUS = WSA + "/anonymous";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Service service = Service.create(Path.of(options.get("wsdl")).toUri().toURL(), new QName(NS, options.get("service")));
        Dispatch<Source> dispatch = service.createDispatch(new QName(NS, options.get("port")), Source.class,
                Service.Mode.PAYLOAD);

        Map<String, Object> context = dispatch.getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, options.get("endpoint"));
        // The operation's input Action; Metro's addressing tube writes it as wsa:Action.
        context.put(BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
        context.put(BindingProvider.SOAPACTION_URI_PROPERTY, options.get("action"));
        // Edukoppeling names the school in wsa:From; the policy's SignedParts makes Metro sign it like To and Action.
        ((WSBindingProvider) dispatch).setOutboundHeaders(Headers.create(from(options.get("school-oin"))));

        Source body = new StreamSource(Path.of(options.get("body")).toFile());
        try {
            Source answer = dispatch.invoke(body);
            Element root = element(answer);
            System.out.println("METRO-ANSWER {" + root.getNamespaceURI() + "}" + root.getLocalName());
            System.out.println("METRO-ANSWER-BODY " + serialise(root));
            System.exit(0);
        } catch (SOAPFaultException e) {
            QName code = e.getFault().getFaultCodeAsQName();
            System.out.println("METRO-FAULT {" + code.getNamespaceURI() + "}" + code.getLocalPart());
            System.out.println("METRO-FAULT-STRING " + e.getFault().getFaultString());
            System.exit(1);
        } catch (RuntimeException e) {
            StringBuilder causes = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                causes.append(causes.length() == 0 ? "" : " <- ").append(t.getClass().getName()).append(": ")
                        .append(t.getMessage());
            }
            System.out.println("METRO-ERROR " + causes.toString().replace('\n', ' '));
            e.printStackTrace();
            System.exit(2);
        }
    }

    private static Element from(String schoolOin) throws Exception {
        Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        Element from = doc.createElementNS(WSA, "wsa:From");
        Element address = doc.createElementNS(WSA, "wsa:Address");
        address.setTextContent(ANONYMOUS + "?oin=" + schoolOin);
        from.appendChild(address);
        doc.appendChild(from);
        return from;
    }

    private static Element element(Source source) throws Exception {
        DOMResult result = new DOMResult();
        TransformerFactory.newDefaultInstance().newTransformer().transform(source, result);
        Node node = result.getNode();
        return node instanceof Document d ? d.getDocumentElement() : (Element) node.getFirstChild();
    }

    private static String serialise(Element element) throws Exception {
        var transformer = TransformerFactory.newDefaultInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter out = new StringWriter();
        transformer.transform(new javax.xml.transform.dom.DOMSource(element), new StreamResult(out));
        return out.toString().replace('\n', ' ');
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : new String[] {"wsdl", "service", "port", "endpoint", "action", "school-oin", "body"}) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing --" + required);
            }
        }
        return options;
    }
}
