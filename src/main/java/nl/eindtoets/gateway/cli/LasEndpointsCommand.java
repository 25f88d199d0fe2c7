package nl.eindtoets.gateway.cli;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Callable;
import nl.eindtoets.gateway.push.ConfiguredLasEndpoints;
import nl.eindtoets.gateway.push.LasBaseUrl;
import nl.eindtoets.gateway.push.LasEndpoint;
import nl.eindtoets.gateway.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code las-endpoints list|set|remove}: the back office's LAS endpoints per routeringskenmerk, where pushed results
 * go; they override the OSR's. Exit code 2 for a malformed routeringskenmerk or URL, 1 when removing an unknown one.
 */
@Command(name = "las-endpoints", mixinStandardHelpOptions = true,
        description = "Set, list and remove the LAS endpoint (base URL) per routeringskenmerk where pushed results go.",
        subcommands = {LasEndpointsCommand.List.class, LasEndpointsCommand.Set.class, LasEndpointsCommand.Remove.class})
public final class LasEndpointsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the configured LAS endpoints.")
    static final class List implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            try (Database db = store.open()) {
                System.out.println("routingId\turl");
                new ConfiguredLasEndpoints(db, Clock.systemUTC()).all().forEach(e -> System.out.println(line(e)));
            }
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set (or replace) the LAS endpoint of a routeringskenmerk.")
    static final class Set implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--routing-id", required = true,
                description = "the routeringskenmerk (edu-from), 20 digits or letters")
        String routingId;
        @Option(names = "--url", required = true,
                description = "absolute https base URL, e.g. https://las.example/eindtoets")
        String url;

        @Override
        public Integer call() {
            URI baseUrl;
            try {
                if (!ConfiguredLasEndpoints.isRoutingId(routingId)) {
                    throw new IllegalArgumentException("a routeringskenmerk is 20 digits or letters");
                }
                baseUrl = LasBaseUrl.parse(url);
            } catch (IllegalArgumentException e) {
                System.err.println("refused: " + e.getMessage());
                return 2;
            }
            try (Database db = store.open()) {
                System.out.println(line(new ConfiguredLasEndpoints(db, Clock.systemUTC()).put(routingId, baseUrl)));
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove the LAS endpoint of a routeringskenmerk (the OSR's applies again, if any).")
    static final class Remove implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--routing-id", required = true, description = "the routeringskenmerk")
        String routingId;

        @Override
        public Integer call() {
            if (!ConfiguredLasEndpoints.isRoutingId(routingId)) {
                System.err.println("refused: a routeringskenmerk is 20 digits or letters");
                return 2;
            }
            try (Database db = store.open()) {
                if (!new ConfiguredLasEndpoints(db, Clock.systemUTC()).remove(routingId)) {
                    System.err.println("no LAS endpoint configured for " + routingId);
                    return 1;
                }
            }
            System.out.println("removed " + routingId);
            return 0;
        }
    }

    static String line(LasEndpoint e) {
        return e.routingId() + "\t" + e.baseUrl();
    }
}
