package nl.eindtoets.gateway.security;

import static nl.eindtoets.gateway.security.StrictXml.invalid;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.List;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.Refusal.SecurityCheck;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A request's {@code wsu:Timestamp} read by the Basic Security Profile's rules: one Created, then at most one
 * Expires, nothing else, no ValueType, times in UTC ({@code Z}) with at most milliseconds, Expires not before Created
 * and the lifetime within the gateway's maximum ({@code wss.timestamp.max-lifetime}); otherwise
 * {@code wsse:InvalidSecurity}.
 *
 * @param expires null when the Timestamp has no Expires
 */
record ProfileTimestamp(Element element, Instant created, Instant expires) {

    /**
     * {@code yyyy-MM-ddTHH:mm:ss}, then at most three fraction digits, then {@code Z}; strict, so no hour 24 and no
     * second 60 (which {@link Instant#parse} would take), as WSS4J reads a Timestamp.
     */
    private static final DateTimeFormatter UTC_DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 3, true).optionalEnd()
            .appendLiteral('Z')
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    static ProfileTimestamp read(Element timestamp, Duration maxLifetime) {
        List<Element> children = StrictXml.children(timestamp);
        if (children.isEmpty() || children.size() > 2
                || !StrictXml.is(children.get(0), WssNames.WSU, "Created")
                || children.size() == 2 && !StrictXml.is(children.get(1), WssNames.WSU, "Expires")) {
            throw invalid("a Timestamp holds one Created and at most one Expires after it");
        }
        Instant created = utc(children.get(0));
        Instant expires = children.size() == 2 ? utc(children.get(1)) : null;
        if (expires != null && expires.isBefore(created)) {
            throw invalid("Timestamp expires before it was created");
        }
        if (expires != null && Duration.between(created, expires).compareTo(maxLifetime) > 0) {
            throw invalid("Timestamp lifetime exceeds the maximum");
        }
        return new ProfileTimestamp(timestamp, created, expires);
    }

    /**
     * Refuses with {@code wsse:MessageExpired} a Timestamp created more than {@code ttl} before {@code now}, created
     * more than {@code futureSkew} after it, or expired.
     */
    void requireFresh(Instant now, Duration ttl, Duration futureSkew) {
        if (created.isBefore(now.minus(ttl))) {
            throw expired("Timestamp created too long ago");
        }
        if (created.isAfter(now.plus(futureSkew))) {
            throw expired("Timestamp created in the future");
        }
        if (expires != null && !expires.isAfter(now)) {
            throw expired("Timestamp expired");
        }
    }

    /**
     * The time in Created or Expires: one text node, nothing around the value, in UTC ({@code Z}), at most three
     * digits of fractional seconds (Basic Security Profile), as WSS4J reads it too.
     */
    private static Instant utc(Element time) {
        if (time.hasAttributeNS(null, "ValueType")) {
            throw invalid(time.getLocalName() + " has a ValueType");
        }
        Node text = time.getFirstChild();
        if (text == null || text.getNodeType() != Node.TEXT_NODE || text.getNextSibling() != null) {
            throw invalid(time.getLocalName() + " must hold its time as plain text");
        }
        String value = text.getNodeValue();
        if (!value.endsWith("Z")) {
            throw invalid(time.getLocalName() + " is not in UTC");
        }
        try {
            return LocalDateTime.parse(value, UTC_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw invalid(time.getLocalName() + " is not an xs:dateTime in UTC with seconds and at most milliseconds");
        }
    }

    private static GatewayFault expired(String reason) {
        return GatewayFault.security(SecurityCheck.MESSAGE_EXPIRED, reason);
    }
}
