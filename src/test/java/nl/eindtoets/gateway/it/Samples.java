package nl.eindtoets.gateway.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import nl.eindtoets.gateway.xml.SecureXml;
import org.w3c.dom.Element;

/** The sample bodies under src/test/resources/samples, as elements ready to be signed and sent. */
public final class Samples {
    private Samples() {
    }

    public static Element body(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name + ".xml")) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return SecureXml.parse(in).getDocumentElement();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
