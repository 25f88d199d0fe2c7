package nl.eindtoets.gateway.security;

import static nl.eindtoets.gateway.request.RequestFixtures.BRENG_DEELNEMERS;
import static nl.eindtoets.gateway.request.RequestFixtures.addressing;
import static nl.eindtoets.gateway.request.RequestFixtures.certificate;
import static nl.eindtoets.gateway.request.RequestFixtures.envelope;
import static nl.eindtoets.gateway.request.RequestFixtures.leerresultatenVerzoek;
import static nl.eindtoets.gateway.request.RequestFixtures.parsed;
import static nl.eindtoets.gateway.request.RequestFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.request.VerifiedSignature;
import org.junit.jupiter.api.Test;

class ReplayCheckTest {

    private static final Instant CREATED = Instant.parse("2026-10-01T10:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration SKEW = Duration.ofSeconds(60);

    private final RecordingGuard guard = new RecordingGuard();
    private final ReplayCheck check = new ReplayCheck(guard, TTL, SKEW);

    private static GatewayRequest verified(String signatureValue, Instant expires) {
        GatewayRequest request = parsed(envelope(addressing(BRENG_DEELNEMERS, "99AA"), leerresultatenVerzoek("99AA")),
                post("las-a", ""));
        request.signatureVerified(new VerifiedSignature(certificate("las-a"), signatureValue, CREATED, expires));
        return request;
    }

    @Test
    void aSignatureSeenForTheFirstTimePassesWsSecurity() {
        GatewayRequest request = verified("c2ln", null);

        check.apply(request);

        assertThat(request.hasPassedWsSecurity()).isTrue();
    }

    @Test
    void theSameSignatureAgainIsRefusedAsAnUnsignedInvalidSecurity() {
        check.apply(verified("c2ln", null));
        GatewayRequest replay = verified("c2ln", null);

        assertThatThrownBy(() -> check.apply(replay)).isInstanceOfSatisfying(GatewayFault.class, f -> {
            assertThat(f.refusal()).isInstanceOf(Refusal.Security.class);
            assertThat(f.refusal().codeName()).isEqualTo("InvalidSecurity");
        });
        assertThat(replay.hasPassedWsSecurity()).isFalse();
        assertThat(replay.answerIsSigned()).isFalse();
    }

    @Test
    void anotherSignatureOfTheSameSenderIsNoReplay() {
        check.apply(verified("c2ln", null));
        GatewayRequest resent = verified("b3RoZXI=", null);

        check.apply(resent);

        assertThat(resent.hasPassedWsSecurity()).isTrue();
    }

    @Test
    void remembersASignatureWithoutExpiresForTheTtlPlusTheClockSkew() {
        check.apply(verified("c2ln", null));

        assertThat(guard.last().until()).isEqualTo(CREATED.plus(TTL).plus(SKEW));
    }

    @Test
    void remembersASignatureUntilALaterExpiresPlusTheClockSkew() {
        Instant expires = CREATED.plus(Duration.ofMinutes(30));

        check.apply(verified("c2ln", expires));

        assertThat(guard.last().until()).isEqualTo(expires.plus(SKEW));
    }

    @Test
    void anEarlierExpiresDoesNotShortenTheRecord() {
        check.apply(verified("c2ln", CREATED.plus(Duration.ofMinutes(1))));

        assertThat(guard.last().until()).isEqualTo(CREATED.plus(TTL).plus(SKEW));
    }

    @Test
    void recordsTheSignerOinAndTheMessageId() {
        check.apply(verified("c2ln", null));

        assertThat(guard.last().signerOin()).isEqualTo("00000099000000001000");
        assertThat(guard.last().messageId()).isEqualTo("urn:uuid:6b7e0c5e-8a0c-4a48-9a3e-1d2f3a4b5c6d");
    }

    @Test
    void runsOnlyOnAVerifiedSignature() {
        GatewayRequest request = parsed(envelope("", leerresultatenVerzoek("99AA")), post("las-a", ""));

        assertThatThrownBy(() -> check.apply(request)).isInstanceOf(IllegalStateException.class);
        assertThat(guard.records).isEmpty();
    }

    private record Seen(String signatureValue, String signerOin, String messageId, Instant until) {
    }

    /** The in-memory guard, keeping what it was asked to record. */
    private static final class RecordingGuard implements ReplayGuard {
        final List<Seen> records = new ArrayList<>();
        private final InMemoryReplayGuard guard = new InMemoryReplayGuard(Clock.fixed(CREATED, ZoneOffset.UTC), 100);

        @Override
        public boolean firstSeen(String signatureValue, Instant acceptableUntil) {
            return firstSeen(signatureValue, null, null, acceptableUntil);
        }

        @Override
        public boolean firstSeen(String signatureValue, String signerOin, String messageId, Instant acceptableUntil) {
            records.add(new Seen(signatureValue, signerOin, messageId, acceptableUntil));
            return guard.firstSeen(signatureValue, acceptableUntil);
        }

        Seen last() {
            return records.get(records.size() - 1);
        }
    }
}
