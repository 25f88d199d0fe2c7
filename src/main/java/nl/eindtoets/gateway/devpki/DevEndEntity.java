package nl.eindtoets.gateway.devpki;

import java.util.List;

/**
 * The end entities of certs-dev/ (certs-dev/README.md): each becomes {@code <fileName>.p12} with a key entry named
 * {@code fileName}, plus {@code <fileName>.crt} and {@code <fileName>.key}. The negative cases are what a verifier
 * must refuse.
 */
public enum DevEndEntity {

    GATEWAY("gateway", server("Dev Toetsleverancier", "00000099000000002000"), Variant.VALID,
            "the toetsleverancier: TLS server certificate and response signing key"),
    LAS_A("las-a", las("Dev LAS Leverancier A", "00000099000000001000", "las-a"), Variant.VALID,
            "LAS vendor A"),
    LAS_B("las-b", las("Dev LAS Leverancier B", "00000099000000003000", "las-b"), Variant.VALID,
            "LAS vendor B"),
    LAS_EXPIRED("las-expired", las("Dev LAS Verlopen", "00000099000000004000", "las-expired"), Variant.EXPIRED,
            "validity ended a year ago"),
    LAS_REVOKED("las-revoked", las("Dev LAS Ingetrokken", "00000099000000005000", "las-revoked"), Variant.REVOKED,
            "revoked (keyCompromise) in crl/tsp.crl"),
    LAS_FOREIGN("las-foreign", las("Dev LAS Buitenlands", "00000099000000006000", "las-foreign"), Variant.FOREIGN,
            "issued by DEV Foreign Root CA, which the truststore does not hold"),
    LAS_NO_OIN("las-no-oin", las("Dev LAS Zonder OIN", null, "las-no-oin"), Variant.VALID,
            "no serialNumber (OIN) in the subject"),
    OSR("osr", server("Dev Onderwijs Serviceregister", "00000099000000009000"), Variant.VALID,
            "the OSR simulator's TLS server certificate"),
    LAS_BAD_OIN("las-bad-oin", las("Dev LAS Fout OIN", "12345", "las-bad-oin"), Variant.VALID,
            "subject serialNumber 12345: not a well-formed OIN");

    /** How the certificate deviates from a usable one, if at all. */
    public enum Variant { VALID, EXPIRED, REVOKED, FOREIGN }

    private final String fileName;
    private final EndEntityProfile profile;
    private final Variant variant;
    private final String purpose;

    DevEndEntity(String fileName, EndEntityProfile profile, Variant variant, String purpose) {
        this.fileName = fileName;
        this.profile = profile;
        this.variant = variant;
        this.purpose = purpose;
    }

    /** Base name of the files and alias of the keystore's key entry. */
    public String fileName() {
        return fileName;
    }

    public EndEntityProfile profile() {
        return profile;
    }

    public Variant variant() {
        return variant;
    }

    public String purpose() {
        return purpose;
    }

    private static EndEntityProfile server(String organisation, String oin) {
        return new EndEntityProfile(organisation, oin, "localhost", List.of("localhost"), List.of("127.0.0.1"));
    }

    private static EndEntityProfile las(String organisation, String oin, String name) {
        String host = name + ".dev.invalid";
        return new EndEntityProfile(organisation, oin, host, List.of(host), List.of());
    }
}
