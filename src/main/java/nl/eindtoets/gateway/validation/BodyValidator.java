package nl.eindtoets.gateway.validation;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Validator;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * The schema stage's check: the body payload must be valid under the contract schema. The fault names the offending element by its
 * path (element names and positions only, never values, so no personal data reaches the peer or the log).
 */
public final class BodyValidator {

    private static final String CURRENT_NODE = "http://apache.org/xml/properties/dom/current-element-node";
    private static final String IDENTITY_CONSTRAINTS =
            "http://apache.org/xml/features/validation/identity-constraint-checking";

    /**
     * A validator is not thread-safe and costs more to make than a small body costs to check: one per thread. Each
     * validate() starts from fresh component state; {@code Validator.reset()} is not called, as the JDK's validator
     * fails with a NullPointerException when used again after it.
     */
    private final ThreadLocal<Validator> validators;

    public BodyValidator(ContractSchema schema) {
        this.validators = ThreadLocal.withInitial(() -> configured(schema.schema().newValidator()));
    }

    /**
     * The schema's xs:key, xs:unique and xs:keyref stay in the contract for clients, but are not evaluated here:
     * {@code EindtoetsProfiel} checks the same four rules on the mapped list before anything is stored, and
     * Xerces matched every element of the list against every constraint's selector, a sixth of the request's CPU.
     */
    private static Validator configured(Validator validator) {
        try {
            validator.setFeature(IDENTITY_CONSTRAINTS, false);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the XML Schema validator cannot leave identity constraints out", e);
        }
        return validator;
    }

    public void validate(Element payload) {
        Validator validator = validators.get();
        try {
            validator.validate(new DOMSource(payload));
        } catch (SAXException e) {
            throw new GatewayFault(FaultCode.ONGELDIG_BERICHT, "0004",
                    "Het bericht voldoet niet aan het schema bij " + path(currentNode(validator), payload) + ".", e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Node currentNode(Validator validator) {
        try {
            return (Node) validator.getProperty(CURRENT_NODE);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            return null;
        }
    }

    static String path(Node node, Element payload) {
        if (node == null) {
            return "/" + payload.getLocalName();
        }
        Deque<String> steps = new ArrayDeque<>();
        for (Node n = node; n != null && n.getNodeType() == Node.ELEMENT_NODE; n = n.getParentNode()) {
            steps.push(n.getLocalName() + position(n));
            if (n == payload) {
                break;
            }
        }
        return "/" + String.join("/", steps);
    }

    private static String position(Node n) {
        int index = 1;
        int total = 0;
        Node parent = n.getParentNode();
        if (parent == null) {
            return "";
        }
        for (Node s = parent.getFirstChild(); s != null; s = s.getNextSibling()) {
            if (s.getNodeType() == Node.ELEMENT_NODE && n.getLocalName().equals(s.getLocalName())) {
                total++;
                if (s == n) {
                    index = total;
                }
            }
        }
        return total > 1 ? "[" + index + "]" : "";
    }
}
