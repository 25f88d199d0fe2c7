package nl.eindtoets.gateway.reliability;

import java.util.Map;

/** {@link RequestTransactionCases} on H2, the development and test store. */
class RequestTransactionTest extends RequestTransactionCases {

    @Override
    Map<String, String> database() {
        return Map.of();
    }
}
