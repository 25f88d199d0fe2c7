package nl.eindtoets.gateway.app;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

final class Xml {
    private Xml() {
    }

    static XMLGregorianCalendar now() {
        try {
            return DatatypeFactory.newInstance().newXMLGregorianCalendar(
                    OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
