package nl.eindtoets.gateway.validation;

import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The compiled XML Schema of the wire contract ({@code wsdl/xsd/} on the class path). Compiled once; a
 * {@link Schema} is thread-safe and hands out cheap validators.
 */
public final class ContractSchema {

    public static final String ROOT_XSD = "wsdl/xsd/Eindtoets_v1.xsd";

    private final Schema schema;

    private ContractSchema(Schema schema) {
        this.schema = schema;
    }

    public static ContractSchema load() {
        URL root = ContractSchema.class.getClassLoader().getResource(ROOT_XSD);
        if (root == null) {
            throw new IllegalStateException(ROOT_XSD + " is missing from the class path");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // Only our own schema files, which import each other from beside themselves (file: or jar:).
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return new ContractSchema(factory.newSchema(new StreamSource(root.openStream(), root.toExternalForm())));
        } catch (SAXException | java.io.IOException e) {
            throw new IllegalStateException("cannot compile the contract schema", e);
        }
    }

    public Schema schema() {
        return schema;
    }
}
