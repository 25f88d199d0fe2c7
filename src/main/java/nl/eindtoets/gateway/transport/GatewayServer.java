package nl.eindtoets.gateway.transport;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import nl.eindtoets.gateway.addressing.AddressingStage;
import nl.eindtoets.gateway.addressing.EndpointAddress;
import nl.eindtoets.gateway.chain.AnswerSigner;
import nl.eindtoets.gateway.chain.SoapChain;
import nl.eindtoets.gateway.contract.DeelnemersAanlevering;
import nl.eindtoets.gateway.contract.DeelnemersPortType;
import nl.eindtoets.gateway.contract.DeelnemersService;
import nl.eindtoets.gateway.contract.LeerresultatenPortType;
import nl.eindtoets.gateway.contract.LeerresultatenService;
import nl.eindtoets.gateway.contract.LeerresultatenVerzoek;
import nl.eindtoets.gateway.deelnemers.DeelnemersHandler;
import nl.eindtoets.gateway.edge.AdmissionControl;
import nl.eindtoets.gateway.edge.RequestLimits;
import nl.eindtoets.gateway.edge.SignerRateLimiter;
import nl.eindtoets.gateway.envelope.EnvelopeStructure;
import nl.eindtoets.gateway.envelope.HeaderPolicy;
import nl.eindtoets.gateway.identity.IdentityStage;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenHandler;
import nl.eindtoets.gateway.ops.GatewayMetrics;
import nl.eindtoets.gateway.request.Stage;
import nl.eindtoets.gateway.security.CertificateChainValidator;
import nl.eindtoets.gateway.security.GatewayKey;
import nl.eindtoets.gateway.security.ReplayCheck;
import nl.eindtoets.gateway.security.ReplayGuard;
import nl.eindtoets.gateway.security.SecuritySettings;
import nl.eindtoets.gateway.store.RequestTransactions;
import nl.eindtoets.gateway.validation.BodyValidator;
import nl.eindtoets.gateway.validation.ContractSchema;
import nl.eindtoets.gateway.validation.SchemaStage;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.ws.policy.PolicyEngine;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes both endpoints on Jetty over mutual TLS, each with the request chain that {@link SoapChain} declares:
 * the transport's part is the TLS listener, the endpoint addresses and the stages' configuration.
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

    /**
     * What the chain needs beyond configuration: handlers, the WS-Security and mandate stages, and services; {@code frontDoor} is
     * another front door on the same TLS connector (the REST one), or null.
     */
    public record Components(DeelnemersHandler deelnemers, LeerresultatenHandler leerresultaten,
                             Stage wsSecurity, Stage mandate, ReplayGuard replayGuard,
                             String gatewayOin, Clock clock, Supplier<CertificateChainValidator> trust, GatewayKey key,
                             AnswerSigner answerSigner, RequestTransactions transactions, GatewayMetrics metrics,
                             AdmissionControl admission, SignerRateLimiter rateLimiter, Handler frontDoor) {
    }

    public static GatewayServer start(TransportSettings transport, SecuritySettings security, Components components) {
        WSSConfig.init();
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
        if (components.frontDoor() != null) {
            // Set before the first endpoint is published: CXF then puts it ahead of its own contexts, so it sees
            // every request on the connector first and passes on those outside its base path.
            engine.setHandlers(List.of(components.frontDoor()));
        }

        List<Server> servers = new ArrayList<>();
        Chain chain = new Chain(transport, security, components, new BodyValidator(schema));
        JaxWsServerFactoryBean deelnemers = chain.endpoint(bus, DeelnemersPortType.class, DeelnemersService.SERVICE,
                DeelnemersService.DeelnemersPort, "wsdl/Eindtoets_Deelnemers_v1.wsdl", DEELNEMERS_PATH,
                BRENG_DEELNEMERS_ACTION, "BrengDeelnemers",
                List.of(q("leerlinggegevens", "leerlinggegevens"), q("leerlinggegevens", "school")));
        SoapChain.bindOperation(deelnemers, DeelnemersAanlevering.class, (c, request, body) -> components.deelnemers()
                .handle(c, request.identity(), request.bodyDigestOrNull(), body), chain.services());
        servers.add(deelnemers.create());
        JaxWsServerFactoryBean leerresultaten = chain.endpoint(bus, LeerresultatenPortType.class,
                LeerresultatenService.SERVICE, LeerresultatenService.LeerresultatenPort,
                "wsdl/Eindtoets_Leerresultaten_v1.wsdl", LEERRESULTATEN_PATH, HAAL_LEERRESULTATEN_ACTION,
                "HaalLeerresultaten", List.of());
        SoapChain.bindOperation(leerresultaten, LeerresultatenVerzoek.class, (c, request, body) -> components
                .leerresultaten().handle(c, request.identity(), body), chain.services());
        servers.add(leerresultaten.create());
        SlowClientProtection.afterStart(engine, transport);
        ServerHeader.hide(engine);
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

    /** Builds one endpoint with its chain; the caller binds the operation and creates it. */
    private record Chain(TransportSettings transport, SecuritySettings security, Components components,
                         BodyValidator bodyValidator) {

        JaxWsServerFactoryBean endpoint(Bus bus, Class<?> sei, QName service, QName port, String wsdl, String path,
                                        String requestAction, String operation, List<QName> schoolPath) {
            JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
            factory.setBus(bus);
            factory.setServiceClass(sei);
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

            SoapChain.Stages stages = new SoapChain.Stages(
                    new EnvelopeStructure(),
                    components.wsSecurity(),
                    new ReplayCheck(components.replayGuard(), security.timestampTtl(), security.timestampFutureSkew()),
                    new AddressingStage(new EndpointAddress(path, requestAction, components.gatewayOin())),
                    new IdentityStage(schoolPath),
                    new HeaderPolicy(),
                    components.mandate(),
                    new SchemaStage(bodyValidator));
            SoapChain.install(factory, operation, stages, services());
            return factory;
        }

        SoapChain.Services services() {
            return new SoapChain.Services(components.admission(), components.rateLimiter(),
                    new RequestLimits(transport.maxMessageSize()), components.answerSigner(), components.transactions(),
                    components.metrics(), components.clock());
        }
    }
}
