package nl.eindtoets.gateway.mandate;

import java.time.Instant;
import java.time.LocalDate;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.request.RequestIdentity;

/** The development parties of certs-dev/README.md, as the tests use them. */
final class DevFixtures {

    static final String NAMESPACE = "urn:dev:osr:logistiek-proces-eindtoets-po";
    static final Oin LAS_A = new Oin("00000099000000001000");
    static final Oin LAS_B = new Oin("00000099000000003000");
    static final Oin LAS_FOREIGN = new Oin("00000099000000006000");
    /** A day in school year 2026-2027, when every dev mandate but the ended and the future one holds. */
    static final Instant TODAY = Instant.parse("2026-10-01T10:00:00Z");
    static final LocalDate TODAY_DATE = LocalDate.of(2026, 10, 1);

    private DevFixtures() {
    }

    static Oin school(String brin) {
        return Oin.ofSchool(brin);
    }

    static MandateQuery query(Oin supplier, String brin) {
        return new MandateQuery(supplier, school(brin), NAMESPACE, TODAY_DATE);
    }

    static RequestIdentity identity(Oin signer, String brin) {
        return new RequestIdentity(signer, school(brin), brin, "00", "urn:uuid:" + java.util.UUID.randomUUID());
    }
}
