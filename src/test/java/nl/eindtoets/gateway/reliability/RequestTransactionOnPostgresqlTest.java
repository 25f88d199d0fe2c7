package nl.eindtoets.gateway.reliability;

import java.util.Map;

/** {@link RequestTransactionCases} on PostgreSQL, the production store. */
class RequestTransactionOnPostgresqlTest extends RequestTransactionCases {

    @Override
    Map<String, String> database() {
        return PostgresDatabases.settings(PostgresDatabases.create(), PostgresDatabases.serverPort());
    }
}
