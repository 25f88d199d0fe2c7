package nl.eindtoets.gateway.client;

/** The WS-Addressing 1.0 request headers a 2W-be-S request carries, in the order they are written. */
public enum WsaHeader {
    TO("To"),
    ACTION("Action"),
    MESSAGE_ID("MessageID"),
    /** Value is the text of the nested {@code wsa:Address}. */
    FROM("From"),
    /** Value is the text of the nested {@code wsa:Address}. */
    REPLY_TO("ReplyTo");

    private final String localName;

    WsaHeader(String localName) {
        this.localName = localName;
    }

    public String localName() {
        return localName;
    }

    /** Whether the value sits in a nested {@code wsa:Address} (an endpoint reference). */
    public boolean isEndpointReference() {
        return this == FROM || this == REPLY_TO;
    }
}
