package nl.eindtoets.gateway.devpki;

import java.util.List;
import java.util.Objects;

/**
 * What goes into one end-entity ("services server") certificate. {@code subjectSerialNumber} is the subject's
 * serialNumber attribute, which PKIoverheid uses for the OIN; null leaves the attribute out.
 */
public record EndEntityProfile(String organisation, String subjectSerialNumber, String commonName,
                               List<String> dnsNames, List<String> ipAddresses) {

    public EndEntityProfile {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(commonName, "commonName");
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one subjectAltName");
        }
    }
}
