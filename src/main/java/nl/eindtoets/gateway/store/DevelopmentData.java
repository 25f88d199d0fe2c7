package nl.eindtoets.gateway.store;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.eindtoets.gateway.config.GatewayConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development fixture schools (certs-dev/README.md): 99AA, 99AB and 99AC registered for 2026-2027 with a window open
 * from 1 September 2026 to 31 July 2027, so a newcomer's first delivery is accepted. 99AD stays unregistered.
 */
public final class DevelopmentData {

    public static final String SCHOOLJAAR = "2026-2027";
    public static final List<String> SCHOOLS = List.of("99AA", "99AB", "99AC");
    public static final LocalDate WINDOW_OPENS = LocalDate.of(2026, 9, 1);
    public static final LocalDate WINDOW_CLOSES = LocalDate.of(2027, 7, 31);

    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentData.class);

    private DevelopmentData() {
    }

    /** Seeds when {@code db.seed-development-data} is true; returns whether anything was added. */
    public static boolean seedIfEnabled(GatewayConfig config, Database database, Clock clock) {
        return config.bool("db.seed-development-data") && seedIfEmpty(database, clock);
    }

    /**
     * Registers the fixture schools when no school is registered at all, in one transaction; an operator's own
     * registrations are never touched. When several nodes start at once, one adds them and the others find them.
     */
    public static boolean seedIfEmpty(Database database, Clock clock) {
        boolean seeded;
        try {
            seeded = insertWhenEmpty(database, clock);
        } catch (StoreException e) {
            if (e.getCause() instanceof java.sql.SQLException s && SqlFailures.isUniqueViolation(s)) {
                return false;
            }
            throw e;
        }
        if (seeded) {
            LOG.warn("development data: registered schools {} for {} ({} .. {}); set db.seed-development-data=false"
                    + " in production", SCHOOLS, SCHOOLJAAR, WINDOW_OPENS, WINDOW_CLOSES);
        }
        return seeded;
    }

    private static boolean insertWhenEmpty(Database database, Clock clock) {
        return database.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM school_registration");
                 var rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return false;
                }
            }
            for (String brin : SCHOOLS) {
                SchoolRegistry.insert(c, new SchoolRegistration(brin, SCHOOLJAAR, WINDOW_OPENS, WINDOW_CLOSES,
                        clock.instant()));
            }
            return true;
        });
    }
}
