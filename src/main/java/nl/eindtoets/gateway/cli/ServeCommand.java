package nl.eindtoets.gateway.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nl.eindtoets.gateway.app.Gateway;
import nl.eindtoets.gateway.config.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the gateway until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the gateway (defaults: https://localhost:8443, certs-dev, embedded mandates, H2 in ./data).")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", description = "Properties file with settings that override the defaults.")
    Path config;

    @Override
    public Integer call() throws Exception {
        Gateway gateway = Gateway.start(GatewayConfig.load(config));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "gateway-shutdown"));
        stopped.await();
        return 0;
    }
}
