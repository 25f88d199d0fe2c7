package nl.eindtoets.gateway.cli;

import java.nio.file.Path;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.store.Database;
import picocli.CommandLine.Option;

/** {@code --config} for the back office commands: they work directly on the gateway's configured database. */
final class StoreOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (same as for serve); defaults and EINDTOETS_* environment apply.")
    Path config;

    GatewayConfig load() {
        return GatewayConfig.load(config);
    }

    Database open() {
        return Database.open(load());
    }
}
