package nl.eindtoets.gateway.soap;

import javax.xml.namespace.QName;

/**
 * A fault as the peer sees it: the SOAP 1.1 faultcode, the Dutch faultstring, the Digikoppeling number (or null),
 * the HTTP status, and a reason for the log only.
 */
public record WireFault(QName code, String text, String digikoppelingCode, int httpStatus, String logReason) {
}
