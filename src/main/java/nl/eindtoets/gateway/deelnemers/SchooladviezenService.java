package nl.eindtoets.gateway.deelnemers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.RequestIdentity;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.Jdbc;
import nl.eindtoets.gateway.store.SchoolRegistration;
import nl.eindtoets.gateway.store.SchoolRegistry;
import nl.eindtoets.gateway.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores provisional school advice per pupil: under the same school lock and registration rules as a participant
 * list, for pupils on the school's current list only (matched as results are: ECK-iD first, LAS-key second). The
 * latest advice of a pupil replaces the earlier one, so the same list sent again changes nothing.
 */
public final class SchooladviezenService {

    private static final Logger LOG = LoggerFactory.getLogger(SchooladviezenService.class);

    private final Database database;
    private final DeliveryStore deliveries;
    private final Clock clock;

    public SchooladviezenService(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.deliveries = new DeliveryStore(database);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @return how many pupils' advice was stored, once committed
     * @throws GatewayFault {@code SchoolOnbekend}, {@code InschrijvingGesloten}, {@code OngeldigBericht} (a pupil not
     *                      on the current list) or {@code TijdelijkNietBeschikbaar}
     */
    public int register(RequestIdentity identity, Schooladviezenlijst lijst, String eduFrom) {
        try {
            return database.inTransaction(c -> register(c, identity, lijst, eduFrom));
        } catch (StoreUnavailableException e) {
            LOG.warn("school advice for {} not stored: {}", lijst.brin(), e.getMessage());
            throw e.toFault();
        }
    }

    /** As {@link #register(RequestIdentity, Schooladviezenlijst, String)}, in the caller's transaction. */
    public int register(Connection c, RequestIdentity identity, Schooladviezenlijst lijst, String eduFrom)
            throws SQLException {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(lijst, "lijst");
        LocalDate today = LocalDate.ofInstant(clock.instant(), DeelnemersService.SCHOOL_ZONE);
        SchoolRegistration registration = SchoolRegistry.find(c, lijst.brin(), lijst.schooljaar(), true)
                .orElseThrow(() -> new GatewayFault(FaultCode.SCHOOL_ONBEKEND));
        if (!registration.isOpenOn(today)) {
            throw new GatewayFault(FaultCode.INSCHRIJVING_GESLOTEN);
        }
        StoredDelivery current = deliveries.current(c, lijst.brin(), lijst.dependancecode(),
                lijst.schooljaar()).orElseThrow(() -> SchooladviezenJson.invalid("/deelnemersgroep",
                "voor deze school is nog geen deelnemerslijst ontvangen"));
        Map<String, Leerling> pupils = new HashMap<>();
        for (Leerling l : DeliveryStore.list(c, current.id()).leerlingen()) {
            if (l.key() != null) {
                pupils.put("K " + l.key(), l);
            }
            if (l.eckid() != null) {
                pupils.put("E " + l.eckid(), l);
            }
        }
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (Schooladviezenlijst.Advies a : lijst.adviezen()) {
            Leerling pupil = a.eckid() != null ? pupils.get("E " + a.eckid()) : null;
            if (pupil == null && a.lasKey() != null) {
                pupil = pupils.get("K " + a.lasKey());
            }
            if (pupil == null) {
                throw SchooladviezenJson.invalid(a.path() + "/deelnemerref",
                        "deze leerling staat niet op de deelnemerslijst van de school");
            }
            store(c, lijst, pupil, a.advies(), identity, eduFrom, receivedAt);
        }
        LOG.info("school advice stored for {}/{}/{}: {} pupils", lijst.brin(), lijst.dependancecode(),
                lijst.schooljaar(), lijst.adviezen().size());
        return lijst.adviezen().size();
    }

    /** One row per pupil: the pupil as the current list knows it, by ECK-iD when it has one. */
    private static void store(Connection c, Schooladviezenlijst lijst, Leerling pupil, String advies,
                              RequestIdentity identity, String eduFrom, Instant receivedAt) throws SQLException {
        String ref = pupil.ref();
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM school_advice WHERE brin = ?"
                + " AND dependancecode = ? AND schooljaar = ? AND pupil_ref = ?")) {
            ps.setString(1, lijst.brin());
            ps.setString(2, lijst.dependancecode());
            ps.setString(3, lijst.schooljaar());
            ps.setString(4, ref);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO school_advice (brin, dependancecode, schooljaar,"
                + " pupil_ref, eckid, las_key, advies, signer_oin, edu_from, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, lijst.brin());
            ps.setString(2, lijst.dependancecode());
            ps.setString(3, lijst.schooljaar());
            ps.setString(4, ref);
            ps.setString(5, pupil.eckid());
            ps.setString(6, pupil.key());
            ps.setString(7, advies);
            ps.setString(8, identity.signerOin().value());
            ps.setString(9, eduFrom);
            Jdbc.setTime(ps, 10, receivedAt);
            ps.executeUpdate();
        }
    }
}
