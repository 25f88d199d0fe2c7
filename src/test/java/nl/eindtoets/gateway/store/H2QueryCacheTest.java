package nl.eindtoets.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2QueryCacheTest {

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void theH2StoreCachesSixtyFourParsedStatementsPerSession() throws SQLException {
        Database db = databases.fresh(Engine.H2);
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(setting(c, "QUERY_CACHE_SIZE")).isEqualTo("64");
        }
    }

    @Test
    void aQueryCacheSizeInTheUrlIsLeftAsItIs() {
        assertThat(Database.h2Url("jdbc:h2:file:./data/x;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:./data/x;AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=64");
        assertThat(Database.h2Url("jdbc:h2:mem:x;query_cache_size=16")).isEqualTo("jdbc:h2:mem:x;query_cache_size=16");
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = '" + name + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
