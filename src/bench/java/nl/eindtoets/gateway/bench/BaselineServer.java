package nl.eindtoets.gateway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.datatype.DatatypeFactory;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.contract.DeelnemersAanlevering;
import nl.eindtoets.gateway.contract.DeelnemersOntvangst;
import nl.eindtoets.gateway.contract.DeelnemersPortType;
import nl.eindtoets.gateway.contract.DeelnemersService;
import nl.eindtoets.gateway.security.SecuritySettings;
import nl.eindtoets.gateway.transport.GatewayServer;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.configuration.security.ClientAuthentication;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.apache.cxf.ws.policy.PolicyEngine;
import org.apache.cxf.ws.security.SecurityConstants;
import org.apache.wss4j.common.ext.WSPasswordCallback;

/**
 * The yardstick: {@code DeelnemersPortType} published the way a CXF user would, from the same WSDL with its
 * WS-SecurityPolicy enforced by CXF's policy engine, the same key, trust store and mutual TLS. No mandate check,
 * schema validation, store or audit; the answer is a receipt counting the pupils. Settings come from the gateway
 * configuration keys so both servers use identical material.
 */
final class BaselineServer implements AutoCloseable {

    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    private final Bus bus;
    private final Server server;

    private BaselineServer(Bus bus, Server server) {
        this.bus = bus;
        this.server = server;
    }

    static BaselineServer start(GatewayConfig config) throws GeneralSecurityException, IOException {
        return start(config, true);
    }

    /** The same endpoint with the policy engine off and no WS-Security settings: it takes unsigned requests. */
    static BaselineServer startWithoutSecurity(GatewayConfig config) throws GeneralSecurityException, IOException {
        return start(config, false);
    }

    private static BaselineServer start(GatewayConfig config, boolean secured)
            throws GeneralSecurityException, IOException {
        SecuritySettings security = SecuritySettings.from(config);
        String host = config.string("server.host");
        int port = Integer.parseInt(config.string("server.port"));

        Bus bus = BusFactory.newInstance().createBus();
        PolicyEngine policy = bus.getExtension(PolicyEngine.class);
        if (secured && (policy == null || !policy.isEnabled())) {
            throw new IllegalStateException("the WS-Policy engine is not active; the baseline would not be secured");
        }
        if (!secured && policy != null) {
            policy.setEnabled(false);
        }
        bus.getExtension(JettyHTTPServerEngineFactory.class)
                .setTLSServerParametersForPort(host, port, tls(security));

        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(DeelnemersPortType.class);
        factory.setServiceBean(new Receipts());
        factory.setWsdlLocation("classpath:wsdl/Eindtoets_Deelnemers_v1.wsdl");
        factory.setServiceName(DeelnemersService.SERVICE);
        factory.setEndpointName(DeelnemersService.DeelnemersPort);
        factory.setAddress("https://" + host + ":" + port + GatewayServer.DEELNEMERS_PATH);
        if (secured) {
            factory.setProperties(securityProperties(security));
        }
        return new BaselineServer(bus, factory.create());
    }

    /** What CXF's WS-SecurityPolicy interceptors read: crypto for signing and for verifying, key and algorithm. */
    private static Map<String, Object> securityProperties(SecuritySettings s) {
        Properties signing = merlin(s);
        signing.put("org.apache.wss4j.crypto.merlin.keystore.type", "PKCS12");
        signing.put("org.apache.wss4j.crypto.merlin.keystore.file", s.keystore().toString());
        signing.put("org.apache.wss4j.crypto.merlin.keystore.password", new String(s.keystorePassword()));
        signing.put("org.apache.wss4j.crypto.merlin.keystore.alias", s.keyAlias());
        Properties verifying = merlin(s);

        char[] password = s.keystorePassword().clone();
        Map<String, Object> p = new HashMap<>();
        p.put(SecurityConstants.SIGNATURE_PROPERTIES, signing);
        p.put(SecurityConstants.ENCRYPT_PROPERTIES, verifying);
        p.put(SecurityConstants.SIGNATURE_USERNAME, s.keyAlias());
        p.put(SecurityConstants.CALLBACK_HANDLER, (CallbackHandler) callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof WSPasswordCallback pc) {
                    pc.setPassword(new String(password));
                }
            }
        });
        // Basic256Sha256 implies RSA-SHA1 for asymmetric signatures; 2W-be-S signs with RSA-SHA256.
        p.put(SecurityConstants.ASYMMETRIC_SIGNATURE_ALGORITHM, RSA_SHA256);
        return p;
    }

    private static Properties merlin(SecuritySettings s) {
        Properties p = new Properties();
        p.put("org.apache.wss4j.crypto.provider", "org.apache.wss4j.common.crypto.Merlin");
        p.put("org.apache.wss4j.crypto.merlin.truststore.type", "PKCS12");
        p.put("org.apache.wss4j.crypto.merlin.truststore.file", s.truststore().toString());
        p.put("org.apache.wss4j.crypto.merlin.truststore.password", new String(s.truststorePassword()));
        return p;
    }

    /** TLS 1.2/1.3, the gateway's certificate, a required client certificate judged by the JDK's PKIX checker. */
    private static TLSServerParameters tls(SecuritySettings s) throws GeneralSecurityException, IOException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(s.keystore(), s.keystorePassword()), s.keystorePassword());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(s.truststore(), s.truststorePassword()));
        TLSServerParameters tls = new TLSServerParameters();
        tls.setKeyManagers(kmf.getKeyManagers());
        tls.setTrustManagers(tmf.getTrustManagers());
        ClientAuthentication clientAuth = new ClientAuthentication();
        clientAuth.setWant(true);
        clientAuth.setRequired(true);
        tls.setClientAuthentication(clientAuth);
        tls.setSecureSocketProtocol("TLS");
        tls.setIncludeProtocols(List.of("TLSv1.3", "TLSv1.2"));
        return tls;
    }

    private static KeyStore load(java.nio.file.Path file, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    @Override
    public void close() {
        server.destroy();
        bus.shutdown(true);
    }

    /** The whole business logic of the baseline: count and acknowledge. */
    @jakarta.jws.WebService(serviceName = "DeelnemersService", portName = "DeelnemersPort",
            targetNamespace = "urn:eindtoets-gateway:1",
            endpointInterface = "nl.eindtoets.gateway.contract.DeelnemersPortType",
            wsdlLocation = "classpath:wsdl/Eindtoets_Deelnemers_v1.wsdl")
    static final class Receipts implements DeelnemersPortType {
        private static final java.time.format.DateTimeFormatter SECONDS =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
        private final DatatypeFactory datatypes;

        Receipts() {
            try {
                datatypes = DatatypeFactory.newInstance();
            } catch (javax.xml.datatype.DatatypeConfigurationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public DeelnemersOntvangst brengDeelnemers(DeelnemersAanlevering body) {
            DeelnemersOntvangst receipt = new DeelnemersOntvangst();
            receipt.setOntvangstid(UUID.randomUUID().toString());
            receipt.setAantalDeelnemers(BigInteger.valueOf(
                    body.getLeerlinggegevens().getLeerlingen().getLeerling().size()));
            // An explicit pattern: OffsetDateTime.toString() drops ":00" seconds, which xs:dateTime does not allow.
            receipt.setOntvangenOp(datatypes.newXMLGregorianCalendar(
                    SECONDS.format(OffsetDateTime.now(ZoneOffset.UTC))));
            return receipt;
        }
    }
}
