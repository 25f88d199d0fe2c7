package nl.eindtoets.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SqlFailuresTest {

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailedStatementIsDescribedByItsStateWithoutTheStatementOrTheFailingRow(Engine engine) throws Exception {
        Database db = databases.fresh(engine);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE pupil_name (naam VARCHAR(40) CHECK (naam <> 'Jansen'))");
        }

        Throwable failure = catchThrowable(() -> db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO pupil_name (naam) VALUES ('Jansen')");
            }
        }));

        assertThat(failure).isInstanceOf(StoreException.class).hasMessageContaining("Jansen");
        // A check violation: 23513 on H2, 23514 on PostgreSQL.
        assertThat(SqlFailures.describe(failure)).matches("SQLState 2351[34]: .*(?i:check constraint).*")
                .doesNotContain("Jansen").doesNotContain("INSERT");
    }
}
