package nl.eindtoets.gateway.request;

import java.util.Objects;

/**
 * Who is calling, on whose behalf, about which school: the verified outcome of the transport, WS-Security and
 * identity stages, handed to the mandate check and the handlers. Free of SOAP types on purpose, so a REST front
 * door can produce the same value.
 *
 * @param signerOin      OIN of the LAS vendor (signing certificate = TLS client certificate)
 * @param schoolOin      the school on whose behalf the LAS acts ({@code wsa:From ?oin=})
 * @param brin           BRIN4 of that school, equal to {@code brincode} in the body
 * @param dependancecode two digits, {@code 00} when absent
 * @param messageId      {@code wsa:MessageID} of the request
 */
public record RequestIdentity(Oin signerOin, Oin schoolOin, String brin, String dependancecode, String messageId) {
    public RequestIdentity {
        Objects.requireNonNull(signerOin, "signerOin");
        Objects.requireNonNull(schoolOin, "schoolOin");
        Objects.requireNonNull(brin, "brin");
        Objects.requireNonNull(dependancecode, "dependancecode");
        Objects.requireNonNull(messageId, "messageId");
    }
}
