package nl.eindtoets.gateway.transport;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import nl.eindtoets.gateway.addressing.AddressingInterceptor;
import nl.eindtoets.gateway.addressing.EndpointAddress;
import nl.eindtoets.gateway.contract.DeelnemersPortType;
import nl.eindtoets.gateway.contract.DeelnemersService;
import nl.eindtoets.gateway.contract.LeerresultatenPortType;
import nl.eindtoets.gateway.contract.LeerresultatenService;
import nl.eindtoets.gateway.deelnemers.DeelnemersEndpoint;
import nl.eindtoets.gateway.identity.IdentityInterceptor;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenEndpoint;
import nl.eindtoets.gateway.ops.GatewayMetrics;
import nl.eindtoets.gateway.ops.RequestMetricsInterceptors;
import nl.eindtoets.gateway.security.GatewayKey;
import nl.eindtoets.gateway.soap.AdmissionControl;
import nl.eindtoets.gateway.soap.AuditInterceptor;
import nl.eindtoets.gateway.soap.CorrelationCleanupInterceptor;
import nl.eindtoets.gateway.soap.SignerRateLimiter;
import nl.eindtoets.gateway.store.AuditLog;
import nl.eindtoets.gateway.validation.SchemaValidationInterceptor;
import nl.eindtoets.gateway.security.CertificateChainValidator;
import nl.eindtoets.gateway.security.Cryptos;
import nl.eindtoets.gateway.security.SignatureVerificationInterceptor;
import nl.eindtoets.gateway.security.ReplayGuard;
import nl.eindtoets.gateway.security.ReplayInterceptor;
import nl.eindtoets.gateway.security.ResponseSigningInterceptor;
import nl.eindtoets.gateway.security.SecuritySettings;
import nl.eindtoets.gateway.security.SignatureCoverageInterceptor;
import nl.eindtoets.gateway.soap.EnvelopeStructureInterceptor;
import nl.eindtoets.gateway.soap.FaultRenderingInterceptor;
import nl.eindtoets.gateway.soap.HeaderPolicyInterceptor;
import nl.eindtoets.gateway.soap.RequestEntryInterceptor;
import nl.eindtoets.gateway.soap.RequestParsingInterceptor;
import nl.eindtoets.gateway.soap.Utf8OnlyInterceptor;
import nl.eindtoets.gateway.validation.BodyValidator;
import nl.eindtoets.gateway.validation.ContractSchema;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.interceptor.Interceptor;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.ws.policy.PolicyEngine;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes both endpoints on Jetty over mutual TLS with the request chain of DESIGN.md §1, in this order:
 * TLS → admission (requests, bytes, per-LAS rate) → size and UTF-8 → envelope structure → one parse into a DOM →
 * WS-Security (verify, coverage, replay) → WS-Addressing → identity → header policy → stage interceptors (the OSR
 * mandate check) → schema → handler; responses and post-security faults signed, every request audited.
 */
public final class GatewayServer implements AutoCloseable {

    public static final String DEELNEMERS_PATH = "/eindtoets/deelnemers";
    public static final String LEERRESULTATEN_PATH = "/eindtoets/leerresultaten";
    public static final String BRENG_DEELNEMERS_ACTION = "urn:eindtoets-gateway:1:BrengDeelnemers";
    public static final String HAAL_LEERRESULTATEN_ACTION = "urn:eindtoets-gateway:1:HaalLeerresultaten";
    public static final String GATEWAY_NS = "urn:eindtoets-gateway:1";

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    private final Bus bus;
    private final List<Server> servers;
    private final TransportSettings transport;

    private GatewayServer(Bus bus, List<Server> servers, TransportSettings transport) {
        this.bus = bus;
        this.servers = servers;
        this.transport = transport;
    }

    /** What the chain needs beyond configuration: handlers, the stages between identity and schema, and services. */
    public record Components(DeelnemersEndpoint.Handler deelnemers, LeerresultatenEndpoint.Handler leerresultaten,
                             List<Interceptor<? extends Message>> authorisationStages, ReplayGuard replayGuard,
                             String gatewayOin, Clock clock, Supplier<CertificateChainValidator> trust, GatewayKey key,
                             AuditLog audit, GatewayMetrics metrics, AdmissionControl admission,
                             SignerRateLimiter rateLimiter) {
    }

    public static GatewayServer start(TransportSettings transport, SecuritySettings security, Components components) {
        WSSConfig.init();
        Crypto verification = Cryptos.verification(security);
        ContractSchema schema = ContractSchema.load();

        Bus bus = BusFactory.newInstance().createBus();
        PolicyEngine policyEngine = bus.getExtension(PolicyEngine.class);
        if (policyEngine != null) {
            // The WSDL's WS-SecurityPolicy documents the profile; this chain enforces it (more strictly).
            policyEngine.setEnabled(false);
        }
        JettyHTTPServerEngineFactory jetty = bus.getExtension(JettyHTTPServerEngineFactory.class);
        try {
            jetty.setTLSServerParametersForPort(transport.host(), transport.port(),
                    MutualTls.serverParameters(components.key(), components.trust()));
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot configure the TLS listener", e);
        }
        JettyHTTPServerEngine engine = jetty.retrieveJettyHTTPServerEngine(transport.port());
        SlowClientProtection.beforeStart(engine, transport);

        List<Server> servers = new ArrayList<>();
        Chain chain = new Chain(transport, security, components, verification, new BodyValidator(schema));
        servers.add(chain.publish(bus, DeelnemersPortType.class, new DeelnemersEndpoint(components.deelnemers()),
                DeelnemersService.SERVICE, DeelnemersService.DeelnemersPort, "wsdl/Eindtoets_Deelnemers_v1.wsdl",
                DEELNEMERS_PATH, BRENG_DEELNEMERS_ACTION, "BrengDeelnemers",
                List.of(q("leerlinggegevens", "leerlinggegevens"), q("leerlinggegevens", "school"))));
        servers.add(chain.publish(bus, LeerresultatenPortType.class, new LeerresultatenEndpoint(components.leerresultaten()),
                LeerresultatenService.SERVICE, LeerresultatenService.LeerresultatenPort,
                "wsdl/Eindtoets_Leerresultaten_v1.wsdl", LEERRESULTATEN_PATH, HAAL_LEERRESULTATEN_ACTION,
                "HaalLeerresultaten", List.of()));
        SlowClientProtection.afterStart(engine, transport);
        LOG.info("gateway listening on https://{}:{} (public URL {})", transport.host(), transport.port(),
                transport.publicUrl());
        return new GatewayServer(bus, servers, transport);
    }

    private static QName q(String ns, String local) {
        return new QName("http://www.edustandaard.nl/leerresultaten/2/" + ns, local);
    }

    public int port() {
        return transport.port();
    }

    @Override
    public void close() {
        servers.forEach(Server::destroy);
        bus.shutdown(true);
    }

    /** Builds one endpoint's interceptor chain. */
    private record Chain(TransportSettings transport, SecuritySettings security, Components components,
                         Crypto verification, BodyValidator bodyValidator) {

        Server publish(Bus bus, Class<?> sei, Object implementor, QName service, QName port, String wsdl,
                       String path, String requestAction, String operation, List<QName> schoolPath) {
            JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
            factory.setBus(bus);
            factory.setServiceClass(sei);
            factory.setServiceBean(implementor);
            factory.setWsdlLocation("classpath:" + wsdl);
            factory.setServiceName(service);
            factory.setEndpointName(port);
            factory.setAddress("https://" + transport.host() + ":" + transport.port() + path);
            WSAddressingFeature addressing = new WSAddressingFeature();
            addressing.setAddressingRequired(false);
            factory.getFeatures().add(addressing);
            factory.setProperties(Map.of(
                    "publishedEndpointUrl", transport.publicUrl() + path,
                    StaxUtils.MAX_ELEMENT_DEPTH, transport.maxElementDepth(),
                    StaxUtils.MAX_ELEMENT_COUNT, transport.maxElementCount(),
                    StaxUtils.MAX_TEXT_LENGTH, (int) Math.min(Integer.MAX_VALUE, transport.maxMessageSize())));

            RequestMetricsInterceptors metrics = new RequestMetricsInterceptors(components.metrics(), operation);
            List<Interceptor<? extends Message>> in = factory.getInInterceptors();
            in.add(metrics.start());
            in.add(components.admission().admit());
            in.add(components.rateLimiter());
            in.add(new RequestEntryInterceptor(transport.maxMessageSize()));
            in.add(new Utf8OnlyInterceptor());
            in.add(new EnvelopeStructureInterceptor());
            in.add(new RequestParsingInterceptor());
            in.add(new SignatureVerificationInterceptor(security, verification, components.trust()));
            in.add(new SignatureCoverageInterceptor(security.timestampMaxLifetime()));
            in.add(new ReplayInterceptor(components.replayGuard(), security.timestampTtl(), security.timestampFutureSkew()));
            in.add(new AddressingInterceptor(new EndpointAddress(path, requestAction, components.gatewayOin())));
            in.add(new IdentityInterceptor(schoolPath));
            in.add(new HeaderPolicyInterceptor());
            in.addAll(components.authorisationStages());
            in.add(new SchemaValidationInterceptor(bodyValidator));

            ResponseSigningInterceptor signer = new ResponseSigningInterceptor(security, components.key());
            AuditInterceptor audit = new AuditInterceptor(components.audit(), operation, components.clock());
            factory.getOutInterceptors().add(audit);
            factory.getOutInterceptors().add(signer);
            factory.getOutInterceptors().add(components.admission().release());
            factory.getOutInterceptors().add(metrics.finish());
            factory.getOutInterceptors().add(new CorrelationCleanupInterceptor());
            factory.getOutFaultInterceptors().add(new FaultRenderingInterceptor());
            factory.getOutFaultInterceptors().add(audit);
            factory.getOutFaultInterceptors().add(signer);
            factory.getOutFaultInterceptors().add(components.admission().release());
            factory.getOutFaultInterceptors().add(metrics.finish());
            factory.getOutFaultInterceptors().add(new CorrelationCleanupInterceptor());
            return factory.create();
        }
    }
}
