package nl.eindtoets.gateway.push;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.Jdbc;
import nl.eindtoets.gateway.store.StoreUnavailableException;

/** LAS endpoints set by the supplier's back office (table {@code las_endpoint}). */
public final class ConfiguredLasEndpoints implements LasEndpoints {

    public static final String SOURCE = "backoffice";
    /** A routeringskenmerk: 20 digits or letters, as edu-from carries it. */
    private static final Pattern ROUTING_ID = Pattern.compile("[0-9A-Za-z]{20}");

    private final Database database;
    private final Clock clock;

    public ConfiguredLasEndpoints(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether {@code routingId} has the form of a routeringskenmerk. */
    public static boolean isRoutingId(String routingId) {
        return routingId != null && ROUTING_ID.matcher(routingId).matches();
    }

    @Override
    public Optional<LasEndpoint> find(String routingId, Oin schoolOin) {
        try {
            return database.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT base_url FROM las_endpoint WHERE routing_id = ?")) {
                    ps.setString(1, routingId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new LasEndpoint(routingId, URI.create(rs.getString(1)), SOURCE))
                                : Optional.<LasEndpoint>empty();
                    }
                }
            });
        } catch (StoreUnavailableException e) {
            throw new LasEndpointsUnavailableException("LAS endpoints not readable: " + e.getMessage(), e);
        }
    }

    /**
     * Sets (or replaces) the endpoint of {@code routingId}.
     *
     * @throws IllegalArgumentException when {@code routingId} is no routeringskenmerk or {@code baseUrl} is no
     *                                  acceptable base URL ({@link LasBaseUrl})
     */
    public LasEndpoint put(String routingId, URI baseUrl) {
        if (!isRoutingId(routingId)) {
            throw new IllegalArgumentException("a routeringskenmerk is 20 digits or letters");
        }
        LasEndpoint endpoint = new LasEndpoint(routingId, baseUrl, SOURCE);
        database.inTransaction(c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE las_endpoint SET base_url = ?, updated_at = ? WHERE routing_id = ?")) {
                ps.setString(1, baseUrl.toString());
                Jdbc.setTime(ps, 2, clock.instant());
                ps.setString(3, routingId);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO las_endpoint (routing_id, base_url, updated_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, routingId);
                    ps.setString(2, baseUrl.toString());
                    Jdbc.setTime(ps, 3, clock.instant());
                    ps.executeUpdate();
                }
            }
            return null;
        });
        return endpoint;
    }

    /** Forgets the endpoint of {@code routingId}; false when there was none. */
    public boolean remove(String routingId) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM las_endpoint WHERE routing_id = ?")) {
                ps.setString(1, routingId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Every configured endpoint, by routeringskenmerk. */
    public List<LasEndpoint> all() {
        return database.inTransaction(c -> {
            List<LasEndpoint> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT routing_id, base_url FROM las_endpoint ORDER BY routing_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LasEndpoint(rs.getString(1), URI.create(rs.getString(2)), SOURCE));
                }
            }
            return out;
        });
    }
}
