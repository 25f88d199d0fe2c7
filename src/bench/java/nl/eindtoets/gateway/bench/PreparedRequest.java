package nl.eindtoets.gateway.bench;

/** A request signed before the measured phase: its wire bytes and what its answer must echo. */
record PreparedRequest(byte[] wire, String signatureValue, String messageId) {
}
