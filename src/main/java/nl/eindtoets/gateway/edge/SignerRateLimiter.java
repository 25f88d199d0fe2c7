package nl.eindtoets.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.LongSupplier;
import nl.eindtoets.gateway.request.CertificateOin;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.request.Stage;

/**
 * A token bucket per LAS organisation (the OIN of the TLS client certificate, which the identity stage later requires to be the
 * signer's): one busy LAS gets {@code Server.TijdelijkNietBeschikbaar} (0051) while others proceed. Applied on arrival,
 * before any signature work is spent on the request.
 */
public final class SignerRateLimiter implements Stage {

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Cache<Oin, Bucket> buckets;

    public SignerRateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    @Override
    public void apply(GatewayRequest request) {
        X509Certificate cert = request.transport().tlsClient();
        if (cert == null) {
            return; // no client certificate: refused by TLS already; nothing to attribute here
        }
        Oin oin = CertificateOin.of(cert).orElse(null);
        if (oin == null) {
            return; // refused at the identity stage
        }
        if (!buckets.get(oin, k -> new Bucket(burst, nanoTime.getAsLong())).take(perSecond, burst, nanoTime.getAsLong())) {
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
