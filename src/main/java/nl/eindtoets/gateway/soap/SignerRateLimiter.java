package nl.eindtoets.gateway.soap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.LongSupplier;
import nl.eindtoets.gateway.fault.FaultCode;
import nl.eindtoets.gateway.fault.GatewayFault;
import nl.eindtoets.gateway.identity.Oin;
import nl.eindtoets.gateway.security.CertificateOin;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.security.transport.TLSSessionInfo;

/**
 * A token bucket per LAS organisation (the OIN of the TLS client certificate, which step 3 later requires to be the
 * signer's): one busy LAS gets {@code Server.TijdelijkNietBeschikbaar} (0051) while others proceed. Applied on arrival,
 * before any signature work is spent on the request.
 */
public final class SignerRateLimiter extends AbstractPhaseInterceptor<Message> {

    private final long maxMessageSize;
    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Cache<Oin, Bucket> buckets;

    public SignerRateLimiter(double perSecond, int burst, long maxMessageSize, LongSupplier nanoTime) {
        super(Phase.RECEIVE);
        this.maxMessageSize = maxMessageSize;
        getAfter().add(AdmissionControl.Admit.class.getName());
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    @Override
    public void handleMessage(Message message) {
        TLSSessionInfo tls = message.get(TLSSessionInfo.class);
        Certificate[] peer = tls == null ? null : tls.getPeerCertificates();
        if (peer == null || peer.length == 0 || !(peer[0] instanceof X509Certificate cert)) {
            return; // no client certificate: refused by TLS already; nothing to attribute here
        }
        Oin oin = CertificateOin.of(cert).orElse(null);
        if (oin == null) {
            return; // refused at the identity stage
        }
        if (!buckets.get(oin, k -> new Bucket(burst, nanoTime.getAsLong())).take(perSecond, burst, nanoTime.getAsLong())) {
            UnreadBody.discard(message, maxMessageSize);
            throw new GatewayFault(FaultCode.TIJDELIJK_NIET_BESCHIKBAAR, "0051",
                    "Te veel verzoeken van deze afzender; probeer het later opnieuw.", null);
        }
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized boolean take(double perSecond, double burst, long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
