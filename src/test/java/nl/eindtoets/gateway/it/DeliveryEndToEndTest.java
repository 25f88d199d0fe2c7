package nl.eindtoets.gateway.it;

import java.nio.file.Path;
import nl.eindtoets.gateway.store.DatabaseSettings;

/** The delivery cases on the default store: an embedded H2 file, shared with the CLI through AUTO_SERVER. */
class DeliveryEndToEndTest extends DeliveryEndToEndCases {

    @Override
    DatabaseSettings database(Path dir) {
        return StoreGateway.h2(dir);
    }
}
