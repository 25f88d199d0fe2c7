package nl.eindtoets.gateway.it;

import java.nio.file.Path;
import nl.eindtoets.gateway.reliability.TcpProxy;
import nl.eindtoets.gateway.store.DatabaseSettings;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;

/** The REST front door on the default store: an embedded H2 file, shared with the CLI through AUTO_SERVER. */
class RestDeliveryEndToEndTest extends RestDeliveryEndToEndCases {

    private Server h2Server;

    @Override
    DatabaseSettings database(Path dir) {
        return StoreGateway.h2(dir);
    }

    /** H2 served over TCP from {@code dir}, reached through the proxy. */
    @Override
    DatabaseSettings behindProxy(Path dir, ProxyFactory proxies) throws Exception {
        h2Server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString()).start();
        TcpProxy proxy = proxies.to(h2Server.getPort());
        return new DatabaseSettings("jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/store-behind-proxy", "sa", "", 4,
                java.time.Duration.ofSeconds(1));
    }

    @AfterAll
    void stopH2Server() {
        if (h2Server != null) {
            h2Server.stop();
        }
    }
}
