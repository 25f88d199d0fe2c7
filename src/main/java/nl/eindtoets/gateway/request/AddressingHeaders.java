package nl.eindtoets.gateway.request;

/**
 * The WS-Addressing 1.0 values of one request, as read from the (signed) SOAP header. Absent headers are null.
 */
public record AddressingHeaders(String to, String action, String messageId, String fromAddress,
                                String replyToAddress, String faultToAddress) {
}
