package nl.eindtoets.gateway.client;

/** A part of the request the signature can cover; each gets its own {@code ds:Reference}. */
public enum SignedPart {
    BODY(null),
    TIMESTAMP(null),
    TO(WsaHeader.TO),
    ACTION(WsaHeader.ACTION),
    MESSAGE_ID(WsaHeader.MESSAGE_ID),
    FROM(WsaHeader.FROM),
    REPLY_TO(WsaHeader.REPLY_TO);

    private final WsaHeader header;

    SignedPart(WsaHeader header) {
        this.header = header;
    }

    /** The WS-Addressing header this part is, or null for Body and Timestamp. */
    public WsaHeader header() {
        return header;
    }
}
