package nl.eindtoets.gateway.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.request.Oin;

/**
 * A gateway JVM set up for load: its own database in the run directory, a mandates file that lets the load LAS
 * deliver for every load school, those schools registered through its back office before the first request, and
 * the protections that would throttle a single LAS lifted (see docs/performance.md). Knows how to count what it
 * stored.
 */
record GatewayUnderTest(ServerProcess process, DeliveryCounter counter, long storedBefore) {

    /**
     * The per-signer rate limit and the in-progress cap protect the gateway from one LAS flooding it. The benchmark
     * is one LAS doing exactly that on purpose, to find the gateway's own limits, so both are set out of reach.
     */
    static final Map<String, String> LOAD_LIMITS = Map.of(
            "limits.per-signer.requests-per-second", "1000000",
            "limits.per-signer.burst", "1000000",
            "limits.max-in-progress", "256");

    /**
     * @param database the {@code db.*} settings of a PostgreSQL database, or null for an H2 file database in the run
     *                 directory
     * @param crypto   {@code crypto.provider} of this gateway (wins over {@code --gateway}), or null for the
     *                 configured one
     */
    static GatewayUnderTest start(String name, List<String> jvm, BenchOptions options, Path runDir, Oin loadSupplier,
                                  LoadSchools schools, Map<String, String> database, String crypto)
            throws IOException, InterruptedException {
        return start(name, jvm, options, runDir, loadSupplier, schools, database, crypto, Map.of());
    }

    /** As above, with {@code pinned} settings that win over {@code --gateway} (what tells two gateways apart). */
    static GatewayUnderTest start(String name, List<String> jvm, BenchOptions options, Path runDir, Oin loadSupplier,
                                  LoadSchools schools, Map<String, String> database, String crypto,
                                  Map<String, String> pinned) throws IOException, InterruptedException {
        Map<String, String> settings = new LinkedHashMap<>();
        if (database == null) {
            Path db = runDir.resolve(name + "-db").resolve("eindtoets");
            settings.put("db.url", "jdbc:h2:file:" + db + ";AUTO_SERVER=TRUE");
            settings.put("db.user", "sa");
            settings.put("db.password", "");
        } else {
            settings.putAll(database);
        }
        // Only the load schools are registered, by the back office below; not the development fixtures.
        settings.put("db.seed-development-data", "false");
        String token = randomToken();
        int backOfficePort = ServerProcess.freePort();
        settings.put("backoffice.enabled", "true");
        settings.put("backoffice.host", "127.0.0.1");
        settings.put("backoffice.port", String.valueOf(backOfficePort));
        settings.put("backoffice.token", token);
        // Free ports, so two gateways of one run (or a colleague's gateway on the defaults) do not collide.
        settings.put("ops.port", String.valueOf(ServerProcess.freePort()));
        settings.putAll(LOAD_LIMITS);
        settings.putAll(options.gatewaySettings());
        if (crypto != null) {
            settings.put("crypto.provider", crypto);
        }
        settings.putAll(pinned);
        String namespace = GatewayConfig.defaults(settings).string("mandate.service-namespace");
        Path mandates = BenchMandates.write(runDir.resolve(name + "-mandates.json"), loadSupplier, schools,
                namespace);
        settings.putIfAbsent("mandate.embedded.file", mandates.toString());

        List<String> args = new ArrayList<>(jvm);
        if (options.jfr()) {
            // Deep stacks: the CXF chain alone is over a hundred frames, and attribution needs the interceptor frame.
            args.add("-XX:FlightRecorderOptions=stackdepth=1024");
            args.add("-XX:StartFlightRecording=filename=" + runDir.resolve(name + ".jfr")
                    + ",settings=profile,dumponexit=true");
        }
        ServerProcess process = ServerProcess.start(name, ServerKind.GATEWAY, args, settings, runDir);
        try {
            new SchoolRegistrar(Integer.parseInt(settings.get("backoffice.port")), settings.get("backoffice.token"))
                    .registerAll(schools);
            DeliveryCounter counter = DeliveryCounter.jdbc(settings.get("db.url"), settings.get("db.user"),
                    settings.get("db.password"), "participant_delivery");
            // A database given with --gateway may hold deliveries of earlier runs: count only this run's.
            long before = counter.storedDeliveries().orElse(0);
            BenchMain.log(name + ": registered " + schools.size() + " load schools (" + schools.brin(0) + " .. "
                    + schools.brin(schools.size() - 1) + ") for " + SchoolRegistrar.SCHOOLJAAR
                    + " through the back office; mandates in " + mandates.getFileName()
                    + (before == 0 ? "" : "; " + before + " deliveries stored before the run"));
            return new GatewayUnderTest(process, counter, before);
        } catch (IOException | RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /**
     * Receipts against deliveries stored during the run. Every receipt must stand for a stored delivery and nothing
     * may be stored without one, so the two are equal; only when the server died may it have committed a delivery
     * whose answer never arrived.
     */
    Report.Storage storage(long receipts) {
        OptionalLong after = counter.storedDeliveries();
        if (after.isEmpty()) {
            return new Report.Storage(process.name(), receipts, null, false, counter.describe());
        }
        long stored = after.getAsLong() - storedBefore;
        boolean ok = process.alive() ? stored == receipts : stored >= receipts;
        return new Report.Storage(process.name(), receipts, stored, ok, counter.describe()
                + (storedBefore == 0 ? "" : " (minus " + storedBefore + " from before the run)")
                + (process.alive() ? "" : "; the server died, so stored >= receipts is required"));
    }

    private static String randomToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return "bench-" + HexFormat.of().formatHex(b);
    }
}
