package nl.eindtoets.gateway.identity;

import java.security.cert.X509Certificate;
import java.util.Optional;
import nl.eindtoets.gateway.addressing.AddressingRules;
import nl.eindtoets.gateway.request.CertificateOin;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.request.RequestIdentity;

/**
 * The rule of the identity stage, free of transport types: the signer is the TLS client (same OIN in both certificates), and
 * the school it acts for ({@code wsa:From ?oin=}) is a school OIN whose BRIN is the one the body is about.
 */
public final class IdentityResolver {

    private IdentityResolver() {
    }

    /**
     * @param fromAddress    the {@code wsa:From} address, carrying {@code ?oin=<school OIN>}
     * @param brincode       {@code brincode} from the body, or null when absent
     * @param dependancecode {@code dependancecode} from the body, or null when absent ({@code 00})
     */
    public static RequestIdentity resolve(X509Certificate signer, X509Certificate tlsClient, String fromAddress,
                                          String brincode, String dependancecode, String messageId) {
        Oin signerOin = CertificateOin.of(signer).orElseThrow(() -> refused(
                "Het ondertekeningscertificaat bevat geen geldig OIN."));
        Optional<Oin> tlsOin = tlsClient == null ? Optional.empty() : CertificateOin.of(tlsClient);
        if (tlsOin.isEmpty() || !tlsOin.get().equals(signerOin)) {
            throw refused("Ondertekenaar en TLS-client zijn niet dezelfde organisatie.");
        }
        Oin schoolOin = Oin.parseOrNull(fromAddress == null ? null : AddressingRules.oinParameter(fromAddress));
        if (schoolOin == null || !schoolOin.isSchoolOin()) {
            throw refused("wsa:From bevat geen geldig school-OIN.");
        }
        if (brincode == null || brincode.isBlank()) {
            throw new GatewayFault(FaultCode.ONGELDIG_BERICHT, "0004", "De brincode ontbreekt in het bericht.", null);
        }
        if (!schoolOin.schoolBrin().equals(brincode.strip())) {
            throw refused("Het school-OIN in wsa:From hoort niet bij de brincode in het bericht.");
        }
        String dependance = dependancecode == null || dependancecode.isBlank() ? "00" : dependancecode.strip();
        return new RequestIdentity(signerOin, schoolOin, brincode.strip(), dependance, messageId);
    }

    private static GatewayFault refused(String text) {
        return new GatewayFault(FaultCode.AUTORISATIE_ONGELDIG, text);
    }
}
