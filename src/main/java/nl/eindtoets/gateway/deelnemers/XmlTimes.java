package nl.eindtoets.gateway.deelnemers;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** Conversions between xs:date/xs:dateTime values and java.time; a dateTime without zone is Dutch local time. */
public final class XmlTimes {

    private static final DatatypeFactory FACTORY;

    static {
        try {
            FACTORY = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private XmlTimes() {
    }

    public static OffsetDateTime dateTime(XMLGregorianCalendar value) {
        if (value == null) {
            return null;
        }
        int nanos = value.getFractionalSecond() == null ? 0
                : value.getFractionalSecond().movePointRight(9).intValue();
        LocalDateTime local = LocalDateTime.of(value.getYear(), value.getMonth(), value.getDay(), value.getHour(),
                value.getMinute(), value.getSecond() == DatatypeConstants.FIELD_UNDEFINED ? 0 : value.getSecond(),
                nanos);
        if (value.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            return local.atZone(DeelnemersService.SCHOOL_ZONE).toOffsetDateTime();
        }
        return local.atOffset(ZoneOffset.ofTotalSeconds(value.getTimezone() * 60));
    }

    public static LocalDate date(XMLGregorianCalendar value) {
        return value == null ? null : LocalDate.of(value.getYear(), value.getMonth(), value.getDay());
    }

    public static XMLGregorianCalendar xmlDateTime(OffsetDateTime value) {
        return value == null ? null : FACTORY.newXMLGregorianCalendar(GregorianCalendar.from(value.toZonedDateTime()))
                .normalize();
    }

    /**
     * Keeps microseconds, which {@link GregorianCalendar} would drop. Formatted with the ISO formatter, which always
     * writes the seconds ({@code LocalDateTime.toString()} leaves out ":00", which xs:dateTime requires).
     */
    public static XMLGregorianCalendar xmlDateTimeExact(OffsetDateTime value) {
        return value == null ? null : FACTORY.newXMLGregorianCalendar(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + "Z");
    }

    public static XMLGregorianCalendar xmlDate(LocalDate value) {
        return value == null ? null : FACTORY.newXMLGregorianCalendar(value.toString());
    }
}
