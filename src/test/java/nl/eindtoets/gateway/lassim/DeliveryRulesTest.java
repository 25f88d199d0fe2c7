package nl.eindtoets.gateway.lassim;

import static nl.eindtoets.gateway.lassim.Leerlingresultaten.ROUTERINGSKENMERK;
import static nl.eindtoets.gateway.lassim.Leerlingresultaten.SCHOOL_99AA;
import static nl.eindtoets.gateway.lassim.Leerlingresultaten.SCHOOL_99AB;
import static nl.eindtoets.gateway.lassim.Leerlingresultaten.SUPPLIER_OIN;
import static nl.eindtoets.gateway.lassim.Leerlingresultaten.text;
import static nl.eindtoets.gateway.lassim.Leerlingresultaten.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.eindtoets.gateway.lassim.DeliveryRules.Answer;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.Test;

/** The order of the LAS's checks, without TLS (LasSimulatorTest covers them over the wire). */
class DeliveryRulesTest {

    private static final LeerlingresultaatSchema SCHEMA = new LeerlingresultaatSchema();
    private static final Oin SUPPLIER = new Oin(SUPPLIER_OIN);

    private final ScriptedFailures failures = new ScriptedFailures();
    private final DeliveryRules rules = new DeliveryRules(Set.of(SUPPLIER), Set.of(SCHOOL_99AA), SCHEMA, failures);

    private static Delivery delivery(Optional<Oin> client, String school, String body) {
        return new Delivery("POST", client, Map.of("edu-to", ROUTERINGSKENMERK, "edu-from", school),
                "application/json; charset=utf-8", body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidDeliveryIsAcceptedWithItsBodyToKeep() {
        Answer answer = rules.judge(delivery(Optional.of(SUPPLIER), SCHOOL_99AA, text(valid())));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.accepted()).isEqualTo(valid());
    }

    @Test
    void aScriptedFailureIsAnsweredBeforeAnyOtherCheckAndKeepsNothing() {
        failures.failNext(503, 1);

        Answer answer = rules.judge(delivery(Optional.empty(), SCHOOL_99AB, "not json"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.accepted()).isNull();
    }

    @Test
    void aClientCertificateWithoutOinIsUnauthorised() {
        assertThat(rules.judge(delivery(Optional.empty(), SCHOOL_99AA, text(valid()))).status()).isEqualTo(401);
    }

    @Test
    void anUnknownSchoolIsAnsweredBeforeTheBodyIsLookedAt() {
        assertThat(rules.judge(delivery(Optional.of(SUPPLIER), SCHOOL_99AB, "not json")).status()).isEqualTo(405);
    }

    @Test
    void anEmptyBodyIsInvalidContent() {
        Answer answer = rules.judge(delivery(Optional.of(SUPPLIER), SCHOOL_99AA, ""));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.melding()).isEqualTo("Ongeldige inhoud in /: leeg bericht.");
    }
}
