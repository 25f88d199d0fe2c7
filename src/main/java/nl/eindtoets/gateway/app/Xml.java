package nl.eindtoets.gateway.app;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

final class Xml {

    // Not OffsetDateTime.toString(): it drops ":00" seconds, which xs:dateTime does not allow.
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private Xml() {
    }

    static XMLGregorianCalendar now() {
        return at(OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** {@code time} to whole seconds, as an xs:dateTime. */
    static XMLGregorianCalendar at(OffsetDateTime time) {
        try {
            return DatatypeFactory.newInstance().newXMLGregorianCalendar(SECONDS.format(time));
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
