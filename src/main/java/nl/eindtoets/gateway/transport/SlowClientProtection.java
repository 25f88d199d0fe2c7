package nl.eindtoets.gateway.transport;

import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * Keeps slow or stalled clients from holding connections and threads: an idle timeout on the connector (also
 * bounds how long a client may take between header bytes) and a minimum data rate for request bodies.
 */
final class SlowClientProtection {

    private SlowClientProtection() {
    }

    /** Before the endpoints are published: the connector is created with this idle timeout. */
    static void beforeStart(JettyHTTPServerEngine engine, TransportSettings transport) {
        engine.setMaxIdleTime((int) Math.min(Integer.MAX_VALUE, transport.idleTimeout().toMillis()));
    }

    /** After publishing: the connector exists; its HTTP configuration gets the minimum request data rate. */
    static void afterStart(JettyHTTPServerEngine engine, TransportSettings transport) {
        if (engine.getConnector() instanceof AbstractConnector connector) {
            connector.setIdleTimeout(transport.idleTimeout().toMillis());
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setMinRequestDataRate(transport.minRequestDataRate());
            }
        }
    }
}
