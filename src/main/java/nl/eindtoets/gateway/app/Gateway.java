package nl.eindtoets.gateway.app;

import java.time.Clock;
import java.util.List;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.contract.DeelnemersOntvangst;
import nl.eindtoets.gateway.contract.LeerresultatenAntwoord;
import nl.eindtoets.gateway.contract.Leeg;
import nl.eindtoets.gateway.deelnemers.DeelnemersEndpoint;
import nl.eindtoets.gateway.identity.Oin;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenEndpoint;
import nl.eindtoets.gateway.mandate.LoggingMandateDecisionLog;
import nl.eindtoets.gateway.mandate.MandateCheck;
import nl.eindtoets.gateway.mandate.MandateInterceptor;
import nl.eindtoets.gateway.mandate.MandateRegisters;
import nl.eindtoets.gateway.security.CertificateOin;
import nl.eindtoets.gateway.security.InMemoryReplayGuard;
import nl.eindtoets.gateway.security.Keystores;
import nl.eindtoets.gateway.security.SecuritySettings;
import nl.eindtoets.gateway.transport.GatewayServer;
import nl.eindtoets.gateway.transport.TransportSettings;

/**
 * Assembles a running gateway from configuration: the mandate check, the handlers and the server. The one place
 * that knows which implementation serves each stage.
 */
public final class Gateway implements AutoCloseable {

    private final GatewayServer server;

    private Gateway(GatewayServer server) {
        this.server = server;
    }

    public static Gateway start(GatewayConfig config) {
        return start(config, Handlers.acknowledging());
    }

    public static Gateway start(GatewayConfig config, Handlers handlers) {
        Clock clock = Clock.systemUTC();
        SecuritySettings security = SecuritySettings.from(config);
        MandateCheck mandates = MandateRegisters.checkFromConfig(config, new LoggingMandateDecisionLog());
        GatewayServer.Components components = new GatewayServer.Components(
                handlers.deelnemers(), handlers.leerresultaten(),
                List.of(new MandateInterceptor(mandates)),
                new InMemoryReplayGuard(clock, 1_000_000), gatewayOin(security).value(), clock);
        return new Gateway(GatewayServer.start(TransportSettings.from(config), security, components));
    }

    private static Oin gatewayOin(SecuritySettings security) {
        var keyStore = Keystores.load(security.keystore(), security.keystorePassword());
        try {
            var cert = (java.security.cert.X509Certificate) keyStore.getCertificate(security.keyAlias());
            if (cert == null) {
                throw new IllegalStateException("no key '" + security.keyAlias() + "' in " + security.keystore());
            }
            return CertificateOin.of(cert).orElseThrow(
                    () -> new IllegalStateException("the gateway certificate carries no OIN"));
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    /** The operation handlers behind the two endpoints. */
    public record Handlers(DeelnemersEndpoint.Handler deelnemers, LeerresultatenEndpoint.Handler leerresultaten) {

        /** Validates and acknowledges without storing: the chain in front of the store. */
        public static Handlers acknowledging() {
            return new Handlers(
                    (identity, digest, request) -> {
                        DeelnemersOntvangst o = new DeelnemersOntvangst();
                        o.setOntvangstid(java.util.UUID.randomUUID().toString());
                        o.setAantalDeelnemers(java.math.BigInteger.valueOf(
                                request.getLeerlinggegevens().getLeerlingen().getLeerling().size()));
                        o.setOntvangenOp(Xml.now());
                        return o;
                    },
                    (identity, request) -> {
                        LeerresultatenAntwoord a = new LeerresultatenAntwoord();
                        a.setGeengegevens(new Leeg());
                        return a;
                    });
        }
    }
}
