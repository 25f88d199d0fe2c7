package nl.eindtoets.gateway.mandate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.eindtoets.gateway.mandate.MandateDecision.Outcome;
import nl.eindtoets.gateway.mandate.MandateDecision.Source;
import org.junit.jupiter.api.Test;

class LoggingMandateDecisionLogTest {

    @Test
    void writesOneLineWithEveryAuditField() {
        MandateDecision d = new MandateDecision(Instant.parse("2026-10-01T10:00:00Z"), "urn:uuid:1",
                DevFixtures.LAS_A, DevFixtures.school("99AA"), DevFixtures.NAMESPACE, LocalDate.of(2026, 10, 1),
                Outcome.DENIED, Source.CACHE);

        assertThat(LoggingMandateDecisionLog.line(d)).isEqualTo("mandate_decision time=2026-10-01T10:00:00Z"
                + " message_id=\"urn:uuid:1\" signer_oin=00000099000000001000 school_oin=0000000700099AA00000"
                + " service_version_namespace=\"urn:dev:osr:logistiek-proces-eindtoets-po\""
                + " reference_date=2026-10-01 outcome=DENIED source=CACHE");
    }

    @Test
    void aMessageIdCannotForgeASecondLogLine() {
        MandateDecision d = new MandateDecision(Instant.EPOCH, "x\"\nmandate_decision outcome=GRANTED",
                DevFixtures.LAS_A, DevFixtures.school("99AA"), DevFixtures.NAMESPACE, LocalDate.of(2026, 10, 1),
                Outcome.DENIED, Source.OSR);

        assertThat(LoggingMandateDecisionLog.line(d))
                .doesNotContain("\n")
                .contains("message_id=\"x\\\"\\nmandate_decision outcome=GRANTED\"");
    }
}
