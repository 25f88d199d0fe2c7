package nl.eindtoets.gateway.devpki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Distinguished names in PKIoverheid order: C, O, serialNumber (the OIN), CN. */
final class DevNames {

    private DevNames() {
    }

    static X500Name ca(String organisation, String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "NL")
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    /** BCStyle encodes serialNumber as a PrintableString, as the PKIoverheid profile requires. */
    static X500Name endEntity(EndEntityProfile profile) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "NL")
                .addRDN(BCStyle.O, profile.organisation());
        if (profile.subjectSerialNumber() != null) {
            builder.addRDN(BCStyle.SERIALNUMBER, profile.subjectSerialNumber());
        }
        return builder.addRDN(BCStyle.CN, profile.commonName()).build();
    }
}
