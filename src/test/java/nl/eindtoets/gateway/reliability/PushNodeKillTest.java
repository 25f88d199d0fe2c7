package nl.eindtoets.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLServerSocket;
import nl.eindtoets.gateway.deelnemers.DeelnemersService;
import nl.eindtoets.gateway.deelnemers.Levering;
import nl.eindtoets.gateway.deelnemers.Lijsten;
import nl.eindtoets.gateway.lassim.LasSimulator;
import nl.eindtoets.gateway.lassim.ReceivedResults;
import nl.eindtoets.gateway.leerresultaten.ResultImport;
import nl.eindtoets.gateway.leerresultaten.ResultRow;
import nl.eindtoets.gateway.mandate.MutualTlsContext;
import nl.eindtoets.gateway.push.ConfiguredLasEndpoints;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.DatabaseSettings;
import nl.eindtoets.gateway.store.DevelopmentData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway process killed with SIGKILL while its result sends hang leaves leases behind, not lost or falsely
 * delivered messages: after a restart every result reaches the LAS once the leases have run out.
 */
class PushNodeKillTest {

    private static final String ROUTING = "LASA0000000000000042";
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final int PUPILS = 10;

    @TempDir
    Path dir;

    @Test
    void resultsInFlightWhenTheNodeIsKilledAreDeliveredOnceAfterARestart() throws Exception {
        String name = PostgresDatabases.create();
        Map<String, String> settings = new HashMap<>(PostgresDatabases.settings(name, PostgresDatabases.serverPort()));
        settings.put("push.poll-interval", "100ms");
        settings.put("push.batch-size", "4");
        settings.put("push.connect-timeout", "1s");
        settings.put("push.read-timeout", "3s");
        settings.put("push.lease", "6s");
        settings.put("push.backoff.initial", "50ms");
        settings.put("push.backoff.max", "200ms");
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(new DatabaseSettings(settings.get("db.url"), "postgres", "postgres", 2,
                Duration.ofSeconds(10)));
             SilentLas silent = new SilentLas();
             LasSimulator las = new LasSimulator("127.0.0.1", 0, lasA(), Set.of(new Oin("00000099000000002000")),
                     Set.of(), new ReceivedResults(1000, null), clock).start();
             GatewayProcess gateway = new GatewayProcess(dir, settings, Map.of())) {
            DevelopmentData.seedIfEmpty(db, clock);
            new DeelnemersService(db, Clock.fixed(OffsetDateTime.parse("2026-11-30T10:00:00Z").toInstant(),
                    ZoneOffset.UTC)).register(Lijsten.caller("99AA"), Lijsten.digest("kill"),
                    Lijsten.lijst("99AA", "k", PUPILS, OffsetDateTime.parse("2026-11-15T10:00:00+01:00")),
                    Levering.rest(Levering.Soort.STANDLEVERING, ROUTING));
            ConfiguredLasEndpoints endpoints = new ConfiguredLasEndpoints(db, clock);
            endpoints.put(ROUTING, URI.create("https://127.0.0.1:" + silent.port()));
            List<ResultRow> rows = new ArrayList<>();
            for (int i = 0; i < PUPILS; i++) {
                rows.add(new ResultRow(i + 1, "99AA", "00", Lijsten.SCHOOLJAAR, "k-" + i, null, "EINDTOETS-2027",
                        null, "2027-04-20", Integer.toString(180 + i), null));
            }
            assertThat(new ResultImport(db, clock).run(rows.iterator(), "test").stored()).isTrue();

            gateway.start();
            await(Duration.ofSeconds(30), "sends hanging at the silent LAS", () -> leased(db) == 4);
            gateway.kill();
            endpoints.put(ROUTING, las.baseUrl());
            gateway.start();

            await(Duration.ofSeconds(60), "all delivered", () -> delivered(db) == PUPILS);
            assertThat(las.received().all()).hasSize(PUPILS)
                    .extracting(r -> r.body().at("/resultatenscores/deelnemerref/1/onderwijsdeelnemerID").asText())
                    .doesNotHaveDuplicates();
        }
    }

    private static javax.net.ssl.SSLContext lasA() {
        return MutualTlsContext.context(Path.of("certs-dev/las-a.p12"), PASSWORD, null,
                Path.of("certs-dev/truststore.p12"), PASSWORD);
    }

    private static long leased(Database db) {
        return count(db, "SELECT COUNT(*) FROM result_outbox WHERE lease_token IS NOT NULL");
    }

    private static long delivered(Database db) {
        return count(db, "SELECT COUNT(*) FROM result_outbox WHERE state = 'delivered'");
    }

    private static long count(Database db, String sql) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void await(Duration limit, String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** A LAS that completes the TLS handshake (as las-a), reads the request and never answers. */
    private static final class SilentLas implements AutoCloseable {
        private final SSLServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        SilentLas() throws IOException {
            server = (SSLServerSocket) lasA().getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            server.setNeedClientAuth(true);
            Thread t = new Thread(this::accept, "silent-las");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    held.add(s);
                    Thread reader = new Thread(() -> drain(s), "silent-las-read");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void drain(Socket s) {
            try (InputStream in = s.getInputStream()) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
