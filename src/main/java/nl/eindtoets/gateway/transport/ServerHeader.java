package nl.eindtoets.gateway.transport;

import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * Keeps the answers from naming the server software and its version ({@code Server: Jetty(…)}): a peer learns
 * nothing from it, while a scanner learns which advisories to try.
 */
final class ServerHeader {

    private ServerHeader() {
    }

    /** After publishing, when the connector exists; Jetty reads the setting for every answer it writes. */
    static void hide(JettyHTTPServerEngine engine) {
        if (engine.getConnector() instanceof AbstractConnector connector) {
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setSendServerVersion(false);
                http.getHttpConfiguration().setSendXPoweredBy(false);
            }
        }
    }
}
