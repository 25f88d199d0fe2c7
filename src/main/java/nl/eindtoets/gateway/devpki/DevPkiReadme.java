package nl.eindtoets.gateway.devpki;

import java.util.Map;

/** The README.md written next to the generated files, so the directory explains itself. */
final class DevPkiReadme {

    /** Development mandates for "Logistiek Proces Eindtoets PO"; informative only. */
    private static final Map<DevEndEntity, String> MANDATES = Map.of(
            DevEndEntity.LAS_A, "99AA, 99AB",
            DevEndEntity.LAS_B, "99AC; an ended mandate for 99AA",
            DevEndEntity.LAS_EXPIRED, "99AA",
            DevEndEntity.LAS_REVOKED, "99AA",
            DevEndEntity.LAS_FOREIGN, "99AA");

    private DevPkiReadme() {
    }

    static String text() {
        StringBuilder table = new StringBuilder();
        for (DevEndEntity entity : DevEndEntity.values()) {
            EndEntityProfile p = entity.profile();
            String oin = p.subjectSerialNumber() == null ? "— (no serialNumber)"
                    : entity == DevEndEntity.LAS_BAD_OIN ? "`" + p.subjectSerialNumber() + "` (malformed)"
                    : "`" + p.subjectSerialNumber() + "`";
            String names = String.join(", ", p.dnsNames())
                    + (p.ipAddresses().isEmpty() ? "" : ", " + String.join(", ", p.ipAddresses()));
            table.append("| `").append(entity.fileName()).append(".p12` | `").append(entity.fileName())
                    .append("` | ").append(p.organisation()).append(" | ").append(oin).append(" | ")
                    .append(names).append(" | ").append(entity.purpose()).append(" | ")
                    .append(MANDATES.getOrDefault(entity, "—")).append(" |\n");
        }
        return TEMPLATE.replace("@TABLE@", table.toString().stripTrailing());
    }

    private static final String TEMPLATE = """
            # certs-dev: development PKI

            **Development only.** Every private key in this directory is public (it is committed, and the `.key`
            files are unencrypted). Never trust this hierarchy outside development and tests.

            A four-level look-alike of the PKIoverheid private services hierarchy:

            ```
            C=NL, O=Dev Staat der Nederlanden, CN=DEV Private Root CA - G1          ca/root.crt    (self-signed)
             └ C=NL, O=Dev Staat der Nederlanden, CN=DEV Private Services CA - G1   ca/domain.crt  (pathLen 1)
                └ C=NL, O=Dev TSP, CN=DEV TSP Private Services CA - G1              ca/tsp.crt     (pathLen 0)
                   └ end entities (below), except las-foreign
            C=NL, O=Dev Foreign Trust, CN=DEV Foreign Root CA                       ca/foreign-root.crt (untrusted)
             └ las-foreign
            ```

            RSA 2048, SHA256withRSA, random 128-bit serial numbers. CAs are valid for 20 years and end entities for
            10 years from generation (las-expired excepted). End-entity subjects are
            `C=NL, O=<organisation>, serialNumber=<OIN>, CN=<name>`, with keyUsage digitalSignature +
            keyEncipherment, extendedKeyUsage serverAuth + clientAuth, certificate policy 2.16.528.1.1003.1.2.8.6
            and CRL distribution point `http://localhost:8089/crl/tsp.crl` (las-foreign:
            `http://localhost:8089/crl/foreign-root.crl`, which is never published).

            ## Passwords

            Every `.p12` file (keystores and truststore) has the password `changeit`; so has every key entry.

            ## End entities

            Each `<name>.p12` holds one private-key entry whose alias is `<name>`, with the full chain
            (end entity, TSP CA, domain CA, root; for las-foreign: end entity, foreign root) so that TLS sends it. `<name>.crt` is the certificate alone (PEM) and
            `<name>.key` its private key (unencrypted PKCS#8 PEM), for `curl --cert <name>.crt --key <name>.key`.

            | keystore | alias | organisation | OIN (subject serialNumber) | subjectAltName | purpose | dev mandates for "Logistiek Proces Eindtoets PO" (information) |
            |---|---|---|---|---|---|---|
            @TABLE@

            Schools 99AA, 99AB and 99AC are registered for school year 2026-2027; 99AD is not. A school OIN is
            `00000007000` + BRIN + `00000` (99AA → `0000000700099AA00000`).

            ## Trust and revocation

            - `truststore.p12`: trusted-certificate entries `dev-root` (the only self-signed one: the trust anchor),
              `dev-domain-ca` and `dev-tsp-ca` (intermediates). The foreign root is deliberately absent.
            - `crl/root.crl` (by the root, empty), `crl/domain.crl` (by the domain CA, empty), `crl/tsp.crl` (by the
              TSP CA, lists las-revoked with reason keyCompromise): DER X.509 v2 CRLs valid for 10 years. Each CA and
              end-entity certificate points to its issuer's CRL at `http://localhost:8089/crl/<root|domain|tsp>.crl`.
            - `ca/*.crt`: the CA certificates in PEM, for `curl --cacert`, `openssl verify` and `xmlsec1 --trusted-pem`.

            ## Regenerating

            ```
            java -jar target/eindtoets-gateway.jar certs-dev            # or: certs-dev --out some/other/dir
            ```

            Regenerating replaces **every** key and certificate. Tests, the default configuration and the SoapUI
            project use these paths and the fixed OINs, which stay the same, but anything that pinned an old
            certificate or key (a SoapUI keystore copy, a curl command with an exported file) must pick up the new files.
            """;
}
