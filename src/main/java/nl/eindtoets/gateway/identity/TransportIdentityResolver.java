package nl.eindtoets.gateway.identity;

import java.security.cert.X509Certificate;
import nl.eindtoets.gateway.request.CertificateOin;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.request.RequestIdentity;

/**
 * The identity rule of a front door without message signatures (REST, DOMAIN §3.6, §5.4): the sender is the
 * organisation whose OIN the TLS client certificate carries, and the school it acts for ({@code edu-to}) is a school
 * OIN whose BRIN is the school the body is about. Every failure is {@code Client.AutorisatieOngeldig}.
 */
public final class TransportIdentityResolver {

    private TransportIdentityResolver() {
    }

    /**
     * @param eduTo          the school OIN the request names as its receiver
     * @param brin           the school the body is about (deelnemersgroep/instellingscode)
     * @param dependancecode the vestiging of that school, or null ({@code 00})
     * @param messageId      what identifies a repeat of this request for this sender
     */
    public static RequestIdentity resolve(X509Certificate tlsClient, String eduTo, String brin, String dependancecode,
                                          String messageId) {
        Oin sender = tlsClient == null ? null : CertificateOin.of(tlsClient).orElse(null);
        if (sender == null) {
            throw refused("Het TLS-clientcertificaat bevat geen geldig OIN.");
        }
        Oin school = Oin.parseOrNull(eduTo);
        if (school == null || !school.isSchoolOin()) {
            throw refused("edu-to is geen geldig school-OIN.");
        }
        if (brin == null || !school.schoolBrin().equals(brin)) {
            throw refused("edu-to hoort niet bij de school van de deelnemersgroep.");
        }
        String dependance = dependancecode == null || dependancecode.isBlank() ? "00" : dependancecode;
        return new RequestIdentity(sender, school, brin, dependance, messageId);
    }

    /**
     * For a request without a body (GET): the school is the one {@code edu-to} names, its main location.
     *
     * @param requestId what names this request in the audit trail
     */
    public static RequestIdentity resolve(X509Certificate tlsClient, String eduTo, String requestId) {
        Oin school = Oin.parseOrNull(eduTo);
        return resolve(tlsClient, eduTo, school == null || !school.isSchoolOin() ? null : school.schoolBrin(), null,
                requestId);
    }

    private static GatewayFault refused(String text) {
        return new GatewayFault(FaultCode.AUTORISATIE_ONGELDIG, text);
    }
}
