package nl.eindtoets.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import nl.eindtoets.gateway.config.GatewayConfig;
import java.util.UUID;
import nl.eindtoets.gateway.deelnemers.Deelnemerslijst;
import nl.eindtoets.gateway.deelnemers.DeelnemersService;
import nl.eindtoets.gateway.deelnemers.Levering;
import nl.eindtoets.gateway.deelnemers.Lijsten;
import nl.eindtoets.gateway.lassim.LasSimulator;
import nl.eindtoets.gateway.lassim.ReceivedResults;
import nl.eindtoets.gateway.leerresultaten.ImportReport;
import nl.eindtoets.gateway.leerresultaten.ResultImport;
import nl.eindtoets.gateway.leerresultaten.ResultRow;
import nl.eindtoets.gateway.mandate.LoggingMandateDecisionLog;
import nl.eindtoets.gateway.mandate.MandateCheck;
import nl.eindtoets.gateway.mandate.MandateRegister;
import nl.eindtoets.gateway.mandate.MandateRegisters;
import nl.eindtoets.gateway.mandate.MutualTlsContext;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.request.RequestIdentity;
import nl.eindtoets.gateway.security.GatewayKey;
import nl.eindtoets.gateway.security.ReloadingTrust;
import nl.eindtoets.gateway.security.SecuritySettings;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.DevelopmentData;

/**
 * The parts of a result push for tests: schools whose lists came over REST, las-sim over real TLS (certs-dev), the
 * gateway's real key and trust, and senders with short timings. Invented pupils only.
 */
final class PushFixture implements AutoCloseable {

    static final String ROUTING = "LASA0000000000000099";
    static final Oin GATEWAY_OIN = new Oin("00000099000000002000");
    static final char[] PASSWORD = "changeit".toCharArray();
    static final OffsetDateTime NOV_15 = OffsetDateTime.parse("2026-11-15T10:00:00+01:00");

    final Clock clock = Clock.systemUTC();
    final Database db;
    final ConfiguredLasEndpoints endpoints;
    /** The development mandates (mandates-dev.json): las-a holds 99AA and 99AB, las-b's mandate for 99AA ended. */
    final MandateCheck mandates = mandates(MandateRegisters.fromConfig(GatewayConfig.defaults(Map.of())));
    private final SecuritySettings security = SecuritySettings.from(GatewayConfig.defaults(Map.of()));
    private final GatewayKey key = new GatewayKey(security);
    private final ReloadingTrust trust = new ReloadingTrust(security, clock, ReloadingTrust.NONE);
    private final List<AutoCloseable> running = new ArrayList<>();

    PushFixture(Database db) {
        this.db = db;
        DevelopmentData.seedIfEmpty(db, clock);
        this.endpoints = new ConfiguredLasEndpoints(db, clock);
    }

    /** las-sim with {@code keystore}'s key (las-a.p12: OIN 00000099000000001000), accepting the gateway. */
    LasSimulator lasSim(String keystore) {
        LasSimulator sim = new LasSimulator("127.0.0.1", 0, MutualTlsContext.context(Path.of("certs-dev", keystore),
                PASSWORD, null, Path.of("certs-dev", "truststore.p12"), PASSWORD), Set.of(GATEWAY_OIN), Set.of(),
                new ReceivedResults(10_000, null), clock).start();
        running.add(sim);
        return sim;
    }

    /** School {@code brin}'s list of {@code count} pupils ({@code brin-0}, ...) delivered over REST by las-a. */
    void restList(String brin, int count) {
        restList(brin, count, Lijsten.LAS_A, ROUTING);
    }

    /** The same list delivered over REST by {@code las} under routeringskenmerk {@code routing}. */
    void restList(String brin, int count, Oin las, String routing) {
        deliver(new RequestIdentity(las, Oin.ofSchool(brin), brin, "00", "urn:uuid:" + UUID.randomUUID()),
                Lijsten.lijst(brin, brin, count, NOV_15), Levering.rest(Levering.Soort.STANDLEVERING, routing));
    }

    /** Registers {@code lijst} as delivered by {@code caller}, inside the development registration window. */
    void deliver(RequestIdentity caller, Deelnemerslijst lijst, Levering levering) {
        new DeelnemersService(db, Clock.fixed(NOV_15.toInstant(), java.time.ZoneOffset.UTC)).register(caller,
                Lijsten.digest(UUID.randomUUID().toString()), lijst, levering);
    }

    /** Imports a whole-test score and a REKENEN score for each pupil {@code brin-i}, i < count. */
    ImportReport importScores(String brin, int count, int score) {
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(rows.size() + 1, brin, brin + "-" + i, null, score));
            rows.add(row(rows.size() + 1, brin, brin + "-" + i, "REKENEN", score / 5));
        }
        ImportReport report = new ResultImport(db, clock).run(rows.iterator(), "test");
        assertThat(report.stored()).as("import stored").isTrue();
        return report;
    }

    /** Imports pupil {@code brin-0}'s whole-test score with {@code advies} and a REKENEN score with {@code niveau}. */
    ImportReport importWithLevelAndAdvice(String brin, int score, String advies, String niveau) {
        List<ResultRow> rows = List.of(
                new ResultRow(1, brin, "00", Lijsten.SCHOOLJAAR, brin + "-0", null, "EINDTOETS-2027", null,
                        "2027-04-20", Integer.toString(score), null, null, advies),
                new ResultRow(2, brin, "00", Lijsten.SCHOOLJAAR, brin + "-0", null, "EINDTOETS-2027", "REKENEN",
                        "2027-04-20", Integer.toString(score / 5), null, niveau, null));
        ImportReport report = new ResultImport(db, clock).run(rows.iterator(), "test");
        assertThat(report.stored()).as("import stored").isTrue();
        return report;
    }

    static ResultRow row(int n, String brin, String lasKey, String onderdeel, int score) {
        return new ResultRow(n, brin, "00", Lijsten.SCHOOLJAAR, lasKey, null, "EINDTOETS-2027", onderdeel,
                "2027-04-20", Integer.toString(score), null);
    }

    static PushSettings settings(int batchSize) {
        return settings(batchSize, Duration.ofHours(1));
    }

    /** Short timings; a message still pending {@code giveUpAfter} after its import fails. */
    static PushSettings settings(int batchSize, Duration giveUpAfter) {
        return new PushSettings(true, Duration.ofMillis(50), batchSize, Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(8), Duration.ofMillis(50), Duration.ofMillis(200), giveUpAfter,
                Duration.ofDays(30), "https://toets.example/doorstroomtoets");
    }

    ResultPusher pusher(PushSettings settings, Database database) {
        return pusher(settings, database, PushEvents.NONE);
    }

    /** A sender on {@code database} (a node of its own) that reports to {@code events}. */
    ResultPusher pusher(PushSettings settings, Database database, PushEvents events) {
        return pusher(settings, database, new ConfiguredLasEndpoints(database, clock), mandates, events);
    }

    ResultPusher pusher(PushSettings settings, LasEndpoints lasEndpoints, MandateCheck mandateCheck) {
        return pusher(settings, db, lasEndpoints, mandateCheck, PushEvents.NONE);
    }

    private ResultPusher pusher(PushSettings settings, Database database, LasEndpoints lasEndpoints,
                                MandateCheck mandateCheck, PushEvents events) {
        ResultPusher pusher = ResultPusher.start(settings, new OutboxQueue(database, clock), lasEndpoints,
                client(settings), mandateCheck, events, clock);
        running.add(pusher);
        return pusher;
    }

    /** The gateway's mandate check for the REST service on {@code register}. */
    static MandateCheck mandates(MandateRegister register) {
        return new MandateCheck(register, DevOsr.NAMESPACE, new LoggingMandateDecisionLog(),
                Clock.system(MandateCheck.ZONE));
    }

    ResultPusher pusher(PushSettings settings) {
        return pusher(settings, db);
    }

    LasClient client(PushSettings settings) {
        return new LasClient(key.clientKeyManager(), trust, settings.connectTimeout(), settings.readTimeout());
    }

    /** State, attempts, last status and last error of every outbox row, by LAS-key order of insertion. */
    List<Map<String, Object>> outbox() {
        return db.inTransaction(c -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, pupil_ref, state, attempts, version,"
                    + " last_status, last_error, rapportid, body FROM result_outbox ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new java.util.HashMap<>();
                    for (String col : List.of("id", "pupil_ref", "state", "attempts", "version", "last_status",
                            "last_error", "rapportid", "body")) {
                        row.put(col, rs.getObject(col));
                    }
                    rows.add(row);
                }
            }
            return rows;
        });
    }

    long count(String state) {
        return outbox().stream().filter(r -> state.equals(r.get("state"))).count();
    }

    /** Polls {@code condition} until it holds, failing after {@code limit}. */
    static void await(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }
}
