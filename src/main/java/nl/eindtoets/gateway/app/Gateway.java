package nl.eindtoets.gateway.app;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import nl.eindtoets.gateway.backoffice.BackOfficeServer;
import nl.eindtoets.gateway.backoffice.BackOfficeSettings;
import nl.eindtoets.gateway.chain.AnswerSigner;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.deelnemers.DeelnemersHandler;
import nl.eindtoets.gateway.deelnemers.DeelnemersMapper;
import nl.eindtoets.gateway.edge.AdmissionControl;
import nl.eindtoets.gateway.edge.SignerRateLimiter;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenHandler;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenMapper;
import nl.eindtoets.gateway.mandate.LoggingMandateDecisionLog;
import nl.eindtoets.gateway.mandate.MandateCheck;
import nl.eindtoets.gateway.mandate.MandateDecision;
import nl.eindtoets.gateway.mandate.MandateDecisionLog;
import nl.eindtoets.gateway.mandate.MandateRegisters;
import nl.eindtoets.gateway.ops.DatabaseReadiness;
import nl.eindtoets.gateway.ops.GatewayMetrics;
import nl.eindtoets.gateway.ops.MandateRegisterReadiness;
import nl.eindtoets.gateway.ops.OperationsServer;
import nl.eindtoets.gateway.ops.TrustReadiness;
import nl.eindtoets.gateway.push.LasEndpointSources;
import nl.eindtoets.gateway.push.LasClient;
import nl.eindtoets.gateway.push.LasEndpoints;
import nl.eindtoets.gateway.push.OutboxQueue;
import nl.eindtoets.gateway.push.OutboxStatus;
import nl.eindtoets.gateway.push.PushSettings;
import nl.eindtoets.gateway.push.ResultPusher;
import nl.eindtoets.gateway.request.CertificateOin;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Stage;
import nl.eindtoets.gateway.rest.RestFrontDoor;
import nl.eindtoets.gateway.security.CertificateChainValidator;
import nl.eindtoets.gateway.security.CryptoProviders;
import nl.eindtoets.gateway.security.Cryptos;
import nl.eindtoets.gateway.security.GatewayKey;
import nl.eindtoets.gateway.security.HttpCrlSource;
import nl.eindtoets.gateway.security.InMemoryReplayGuard;
import nl.eindtoets.gateway.security.LeanSignatureVerification;
import nl.eindtoets.gateway.security.ReloadingTrust;
import nl.eindtoets.gateway.security.ReplayGuard;
import nl.eindtoets.gateway.security.LeanResponseSigner;
import nl.eindtoets.gateway.security.ResponseSigner;
import nl.eindtoets.gateway.security.SecuritySettings;
import nl.eindtoets.gateway.security.SignatureVerification;
import nl.eindtoets.gateway.security.TrustRefresh;
import nl.eindtoets.gateway.security.WssImplementation;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.DevelopmentData;
import nl.eindtoets.gateway.store.JdbcMandateDecisionLog;
import nl.eindtoets.gateway.store.JdbcReplayGuard;
import nl.eindtoets.gateway.store.RequestTransactions;
import nl.eindtoets.gateway.store.StoreUnavailableException;
import nl.eindtoets.gateway.transport.GatewayServer;
import nl.eindtoets.gateway.transport.TransportSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles a running gateway from configuration: store, mandate check, handlers, the SOAP server, the back office,
 * the operations endpoints and the background reloading of keys, trust store and CRLs. The one place that knows
 * which implementation serves each stage.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final List<AutoCloseable> parts;
    private final GatewayServer server;
    private final Database database;
    private final GatewayKey key;
    private final ReloadingTrust trust;
    private final OperationsServer ops;
    private final BackOfficeServer backOffice;

    private Gateway(List<AutoCloseable> parts, GatewayServer server, Database database, GatewayKey key,
                    ReloadingTrust trust, OperationsServer ops, BackOfficeServer backOffice) {
        this.parts = parts;
        this.server = server;
        this.database = database;
        this.key = key;
        this.trust = trust;
        this.ops = ops;
        this.backOffice = backOffice;
    }

    /** The gateway with its store: what {@code serve} runs. */
    public static Gateway start(GatewayConfig config) {
        return start(config, UnaryOperator.identity());
    }

    /**
     * @param decorate wraps the durable handlers (tests count invocations with it)
     */
    public static Gateway start(GatewayConfig config, UnaryOperator<Handlers> decorate) {
        return start(config, new Decorations(decorate, UnaryOperator.identity()));
    }

    /**
     * What tests may wrap around the real parts: the durable handlers (to count invocations) and the answer signer
     * (to see what the fault path does when signing fails).
     */
    public record Decorations(UnaryOperator<Handlers> handlers, UnaryOperator<AnswerSigner> signer) {
    }

    public static Gateway start(GatewayConfig config, Decorations decorations) {
        // Before any key store, signature or TLS context exists: they keep the provider they were made with.
        CryptoProviders.install(config);
        Clock clock = Clock.systemUTC();
        List<AutoCloseable> parts = new ArrayList<>();
        try {
            SecuritySettings security = SecuritySettings.from(config);
            Database database = Database.open(config);
            parts.add(database);
            DevelopmentData.seedIfEnabled(config, database, clock);
            Handlers chosen = decorations.handlers().apply(Handlers.durable(database, clock));

            GatewayMetrics metrics = new GatewayMetrics(clock);
            GatewayKey key = new GatewayKey(security);
            ReloadingTrust.CrlSource crlSource = HttpCrlSource.fromList(config.optional("trust.crl.urls"),
                    config.duration("trust.crl.download-timeout"));
            ReloadingTrust trust = new ReloadingTrust(security, clock, crlSource);
            metrics.watchTrust(trust);
            metrics.watchTrustStore(trust);
            metrics.watchCertificate("gateway", key::certificate);
            String signingProvider = CryptoProviders.signingProvider(key.privateKey());
            metrics.cryptoProvider(CryptoProviders.Choice.parse(config.string(CryptoProviders.CONFIG_KEY)).value(),
                    signingProvider);
            LOG.info("answers are signed ({}) by the JCA provider {}", CryptoProviders.SIGNATURE_ALGORITHM,
                    signingProvider);

            MandateRegisterReadiness mandateReadiness = new MandateRegisterReadiness();
            MandateDecisionLog decisions = metrics.countingMandateLog(
                    recordedEverywhere(new LoggingMandateDecisionLog(), mandateReadiness, new JdbcMandateDecisionLog(database)));
            MandateCheck mandates = MandateRegisters.checkFromConfig(config, decisions);
            String gatewayOin = CertificateOin.of(key.certificate())
                    .orElseThrow(() -> new IllegalStateException("the gateway certificate carries no OIN")).value();

            ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "gateway-maintenance");
                t.setDaemon(true);
                return t;
            });
            parts.add(maintenance::shutdownNow);
            ReplayGuard replayGuard = replayGuard(config, database, clock, maintenance);

            AnswerSigner answerSigner = answerSigner(config, security, key, clock);
            AdmissionControl admission = admission(config);
            SignerRateLimiter rateLimiter = new SignerRateLimiter(
                    Double.parseDouble(config.string("limits.per-signer.requests-per-second")),
                    config.integer("limits.per-signer.burst"), System::nanoTime);
            RequestTransactions transactions = new RequestTransactions(database);
            GatewayServer.Components components = new GatewayServer.Components(
                    chosen.deelnemers(), chosen.leerresultaten(), requestVerifier(config, security, trust, clock), mandates,
                    replayGuard, gatewayOin, clock, trust, key, decorations.signer().apply(answerSigner),
                    transactions, metrics, admission, rateLimiter,
                    RestFrontDoor.fromConfig(config, database, mandates, admission, rateLimiter, transactions, clock));
            GatewayServer server = GatewayServer.start(TransportSettings.from(config), security, components);
            parts.add(server);

            long every = config.duration("trust.reload-check-interval").toMillis();
            maintenance.scheduleWithFixedDelay(new TrustRefresh(key, trust, crlSource != ReloadingTrust.NONE,
                    config.duration("trust.crl.refresh-interval"), clock), every, every, TimeUnit.MILLISECONDS);

            PushSettings push = PushSettings.from(config);
            metrics.watchOutbox(new OutboxStatus(database, clock)::summary);
            OutboxQueue outbox = new OutboxQueue(database, clock);
            maintenance.scheduleWithFixedDelay(() -> purgeDelivered(outbox, push.retention()), 1, 60, TimeUnit.MINUTES);
            if (push.enabled()) {
                LasEndpoints lasEndpoints = LasEndpointSources.fromConfig(config, database, clock);
                parts.add(ResultPusher.start(push, outbox, lasEndpoints,
                        new LasClient(key.clientKeyManager(), trust, push.connectTimeout(), push.readTimeout()),
                        mandates.forService(config.string("rest.mandate.service-namespace")), metrics.pushEvents(),
                        clock));
            }

            BackOfficeSettings bo = BackOfficeSettings.from(config);
            BackOfficeServer backOffice = bo.enabled()
                    ? BackOfficeServer.start(bo, database, clock, () -> reload(key, trust)) : null;
            if (backOffice != null) {
                parts.add(backOffice);
            }
            OperationsServer ops = null;
            if (config.bool("ops.enabled")) {
                ops = new OperationsServer(config.string("ops.host"), config.integer("ops.port"), metrics,
                        List.of(new DatabaseReadiness(database.dataSource()), new TrustReadiness(trust), mandateReadiness));
                parts.add(ops);
            }
            return new Gateway(parts, server, database, key, trust, ops, backOffice);
        } catch (RuntimeException | IOException e) {
            closeAll(parts);
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** The stage {@code wss.request-verifier} chooses: the lean strict verifier (default) or WSS4J's engine. */
    private static Stage requestVerifier(GatewayConfig config, SecuritySettings security,
                                         Supplier<CertificateChainValidator> trust, Clock clock) {
        WssImplementation choice = WssImplementation.from(config, WssImplementation.REQUEST_VERIFIER);
        LOG.info("requests are verified by the {} verifier ({}={})", choice == WssImplementation.LEAN
                ? "lean" : "WSS4J", WssImplementation.REQUEST_VERIFIER, choice.value());
        if (choice == WssImplementation.WSS4J) {
            return new SignatureVerification(security, Cryptos.verification(security), trust);
        }
        return new LeanSignatureVerification(security, trust, clock);
    }

    /** The signer {@code wss.response-signer} chooses: the lean template signer (default) or WSS4J's. */
    private static AnswerSigner answerSigner(GatewayConfig config, SecuritySettings security, GatewayKey key,
                                             Clock clock) {
        WssImplementation choice = WssImplementation.from(config, WssImplementation.RESPONSE_SIGNER);
        LOG.info("answers are signed by the {} signer ({}={})", choice == WssImplementation.LEAN
                ? "lean template" : "WSS4J", WssImplementation.RESPONSE_SIGNER, choice.value());
        if (choice == WssImplementation.WSS4J) {
            return new ResponseSigner(security, key)::sign;
        }
        return new LeanResponseSigner(security, key, clock)::sign;
    }

    /**
     * The database replay store (default; shared by all nodes) with its background purge, or the in-memory one
     * ({@code replay.store=memory}) for a single node.
     */
    private static ReplayGuard replayGuard(GatewayConfig config, Database database, Clock clock,
                                           ScheduledExecutorService maintenance) {
        String store = config.string("replay.store");
        if (store.equals("memory")) {
            LOG.warn("replay.store=memory: replays are only detected per node; use the database with several nodes");
            return new InMemoryReplayGuard(clock, 1_000_000);
        }
        if (!store.equals("database")) {
            throw new IllegalStateException("replay.store must be database or memory, not " + store);
        }
        JdbcReplayGuard guard = new JdbcReplayGuard(database, clock);
        long purge = config.duration("replay.purge-interval").toMillis();
        maintenance.scheduleWithFixedDelay(() -> {
            try {
                guard.purgeExpired();
            } catch (RuntimeException e) {
                LOG.warn("replay records not purged this round: {}", e.getMessage());
            }
        }, purge, purge, TimeUnit.MILLISECONDS);
        return guard;
    }

    /** Deletes delivered messages past push.retention; every node may do it, the delete is the same. */
    private static void purgeDelivered(OutboxQueue outbox, Duration retention) {
        try {
            int purged = outbox.purgeDelivered(retention);
            if (purged > 0) {
                LOG.info("purged {} result messages delivered more than {} ago", purged, retention);
            }
        } catch (RuntimeException e) {
            LOG.warn("delivered result messages not purged this round: {}", e.getMessage());
        }
    }

    private static Map<String, Boolean> reload(GatewayKey key, ReloadingTrust trust) {
        Map<String, Boolean> result = new LinkedHashMap<>();
        result.put("key", key.reload());
        result.put("trust", trust.reload());
        return result;
    }

    /** The request and byte caps; a byte budget of {@code auto} is a thirty-second of the heap. */
    private static AdmissionControl admission(GatewayConfig config) {
        String budget = config.string("limits.max-bytes-in-progress");
        long maxBytes = "auto".equalsIgnoreCase(budget) ? AdmissionControl.heapShare(32) : Long.parseLong(budget);
        long maxMessageSize = config.longValue("limits.max-message-size");
        return new AdmissionControl(config.integer("limits.max-in-progress"), maxBytes,
                Math.min(maxBytes / 4, maxMessageSize));
    }

    /**
     * The log line and readiness first, then the audit store. A decision about a request is enlisted in the
     * request's one transaction, so it is kept exactly when the request's answer or refusal is; one made outside a
     * request is written at once, and refuses as unavailable when the database is away.
     */
    private static MandateDecisionLog recordedEverywhere(MandateDecisionLog log, MandateDecisionLog readiness,
                                                         MandateDecisionLog store) {
        return new MandateDecisionLog() {
            @Override
            public void record(MandateDecision decision) {
                record(decision, null);
            }

            @Override
            public void record(MandateDecision decision, GatewayRequest request) {
                log.record(decision);
                readiness.record(decision);
                try {
                    store.record(decision, request);
                } catch (StoreUnavailableException e) {
                    throw e.toFault();
                }
            }
        };
    }

    public int port() {
        return server.port();
    }

    public Database database() {
        return database;
    }

    /** Reloads the gateway key, trust store and CRLs now (also done automatically when their files change). */
    public boolean reloadKeysAndTrust() {
        return reload(key, trust).values().stream().allMatch(Boolean::booleanValue);
    }

    /** Port of the operations endpoints, or -1 when disabled. */
    public int opsPort() {
        return ops == null ? -1 : ops.port();
    }

    /** Port of the back office API, or -1 when disabled. */
    public int backOfficePort() {
        return backOffice == null ? -1 : backOffice.port();
    }

    @Override
    public void close() {
        closeAll(parts);
    }

    private static void closeAll(List<AutoCloseable> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}: {}", parts.get(i), e.toString());
            }
        }
    }

    /** The operation handlers behind the two endpoints. */
    public record Handlers(DeelnemersHandler deelnemers, LeerresultatenHandler leerresultaten) {

        /** The durable handlers: deliveries and results in the store. */
        public static Handlers durable(Database database, Clock clock) {
            var deelnemers = new nl.eindtoets.gateway.deelnemers.DeelnemersService(database, clock);
            var leerresultaten = new nl.eindtoets.gateway.leerresultaten.LeerresultatenService(database);
            return new Handlers(
                    (c, identity, digest, request) -> DeelnemersMapper.toJaxb(
                            deelnemers.bring(c, identity, digest, DeelnemersMapper.toDomain(request))),
                    (c, identity, request) -> LeerresultatenMapper.toJaxb(
                            leerresultaten.haal(c, identity, LeerresultatenMapper.toDomain(request))));
        }
    }
}
