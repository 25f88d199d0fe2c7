package nl.eindtoets.gateway.deelnemers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.RequestIdentity;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.SchoolRegistration;
import nl.eindtoets.gateway.store.SchoolRegistry;
import nl.eindtoets.gateway.store.SqlWork;
import nl.eindtoets.gateway.store.StoreException;
import nl.eindtoets.gateway.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BrengDeelnemers: checks a delivered list against the eindtoets profile and the school's registration, then makes
 * it the school's current list in one transaction (the request's own, when a front door passes its connection).
 * Deliveries for one school are serialised by locking the school's registration row, so concurrent deliveries on any
 * number of nodes end with one complete list.
 */
public final class DeelnemersService {

    /** Registration windows are calendar days at the schools, in the Netherlands. */
    public static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

    private static final Logger LOG = LoggerFactory.getLogger(DeelnemersService.class);

    private final Database database;
    private final DeliveryStore deliveries;
    private final Clock clock;

    public DeelnemersService(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.deliveries = new DeliveryStore(database);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores {@code lijst} as the school's current list and returns the receipt once committed, in a transaction of
     * its own.
     *
     * @see #bring(Connection, RequestIdentity, String, Deelnemerslijst)
     */
    public Ontvangst bring(RequestIdentity identity, String bodyDigest, Deelnemerslijst lijst) {
        return inOwnTransaction(identity, c -> bring(c, identity, bodyDigest, lijst));
    }

    /**
     * Stores {@code lijst} as the school's current list in the caller's transaction (the request's one transaction,
     * which also holds its replay record, mandate decision and audit record); the receipt holds once it commits.
     *
     * @param identity   the verified caller; its signer OIN and MessageID identify repeats
     * @param bodyDigest hex SHA-256 of the canonical body: a repeat with the same MessageID must carry the same one
     * @throws GatewayFault {@code OngeldigBericht}, {@code XsdVersieOngeldig}, {@code SchoolOnbekend},
     *                      {@code InschrijvingGesloten} or {@code AutorisatieOngeldig}
     */
    public Ontvangst bring(Connection c, RequestIdentity identity, String bodyDigest, Deelnemerslijst lijst)
            throws SQLException {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(bodyDigest, "bodyDigest");
        Objects.requireNonNull(lijst, "lijst");
        Optional<Ontvangst> repeat = repeatOf(c, identity, bodyDigest);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        EindtoetsProfiel.check(lijst);
        requireSameSchool(identity, lijst.school());
        return store(c, identity, bodyDigest, lijst, Levering.SOAP);
    }

    /** As {@link #register(Connection, RequestIdentity, String, Deelnemerslijst, Levering)}, in its own transaction. */
    public Ontvangst register(RequestIdentity identity, String bodyDigest, Deelnemerslijst lijst, Levering levering) {
        return inOwnTransaction(identity, c -> register(c, identity, bodyDigest, lijst, levering));
    }

    /**
     * Registers a list that its front door has already checked against its own profile (the REST front door: the
     * JSON Schema of its OpenAPI document and the rules that need the whole list), under the same school rules,
     * locking and repeat detection as {@link #bring}, in the caller's transaction. A mutatielevering is applied to
     * the current list.
     *
     * @param identity the verified caller; its signer OIN and MessageID (for REST: derived from the body) identify repeats
     */
    public Ontvangst register(Connection c, RequestIdentity identity, String bodyDigest, Deelnemerslijst lijst,
                              Levering levering) throws SQLException {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(bodyDigest, "bodyDigest");
        Objects.requireNonNull(lijst, "lijst");
        Objects.requireNonNull(levering, "levering");
        Optional<Ontvangst> repeat = repeatOf(c, identity, bodyDigest);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        requireSameSchool(identity, lijst.school());
        return store(c, identity, bodyDigest, lijst, levering);
    }

    /**
     * Runs a delivery in a transaction of its own. The same MessageID stored meanwhile for another school hits the
     * unique key: run once more, the repeat check answers as for any repeat.
     */
    private Ontvangst inOwnTransaction(RequestIdentity identity, SqlWork<Ontvangst> work) {
        try {
            try {
                return database.inTransaction(work);
            } catch (StoreException e) {
                if (e instanceof StoreUnavailableException || !isUniqueViolation(e)) {
                    throw e;
                }
                return database.inTransaction(work);
            }
        } catch (StoreUnavailableException e) {
            LOG.warn("participant delivery {} not stored: {}", identity.messageId(), e.getMessage());
            throw e.toFault();
        }
    }

    private Ontvangst store(Connection c, RequestIdentity identity, String bodyDigest, Deelnemerslijst delivered,
                            Levering levering) throws SQLException {
        School school = delivered.school();
        LocalDate today = LocalDate.ofInstant(clock.instant(), SCHOOL_ZONE);
        SchoolRegistration registration = SchoolRegistry.find(c, school.brincode(), school.schooljaar(), true)
                .orElseThrow(() -> new GatewayFault(FaultCode.SCHOOL_ONBEKEND));
        // Under the school lock: a repeat that raced the first attempt finds it committed now.
        Optional<Ontvangst> repeat = repeatOf(c, identity, bodyDigest);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        if (!registration.isOpenOn(today)) {
            throw new GatewayFault(FaultCode.INSCHRIJVING_GESLOTEN);
        }
        String dep = school.dependancecodeOrDefault();
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<StoredDelivery> current = deliveries.current(c, school.brincode(), dep, school.schooljaar());
        if (current.isPresent()) {
            if (school.aanmaakdatum().toInstant().isBefore(current.get().schoolAanmaakdatum())) {
                throw new GatewayFault(FaultCode.ONGELDIG_BERICHT, "De levering is ouder ("
                        + EindtoetsProfiel.SCHOOL + "/aanmaakdatum) dan de laatst verwerkte levering voor"
                        + " deze school en is niet verwerkt.");
            }
            deliveries.supersede(c, current.get().id(), receivedAt);
        }
        Deelnemerslijst lijst = delivered;
        if (levering.soort() == Levering.Soort.MUTATIELEVERING && current.isPresent()) {
            ParticipantListDocument.Contents now = DeliveryStore.list(c, current.get().id());
            lijst = Mutatie.apply(now.groepen(), now.leerlingen(), delivered);
        }
        UUID id = UUID.randomUUID();
        deliveries.insert(c, id, identity, bodyDigest, receivedAt, lijst, levering);
        PupilReports.assign(c, school.brincode(), dep, school.schooljaar(), lijst.leerlingen(), receivedAt);
        LOG.info("participant delivery {} ({} {}) stored for {}/{}/{}: {} participants", id,
                levering.kanaal(), levering.soort().label(), school.brincode(), dep, school.schooljaar(),
                lijst.leerlingen().size());
        return new StoredDelivery(id, school.brincode(), dep, school.schooljaar(), null, null,
                identity.messageId(), bodyDigest, receivedAt, school.aanmaakdatum().toInstant(),
                school.xsdversie(), lijst.leerlingen().size(), null, levering).ontvangst();
    }

    /** The original receipt when this signer already delivered this MessageID with this body. */
    private Optional<Ontvangst> repeatOf(Connection c, RequestIdentity identity, String bodyDigest)
            throws SQLException {
        Optional<StoredDelivery> earlier = deliveries.byMessage(c, identity.signerOin().value(), identity.messageId());
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().bodyDigest().equalsIgnoreCase(bodyDigest)) {
            throw new GatewayFault(FaultCode.ONGELDIG_BERICHT,
                    "Dit MessageID is al gebruikt voor een bericht met een andere inhoud.");
        }
        LOG.info("repeat of participant delivery {} (MessageID {}): original receipt returned", earlier.get().id(),
                identity.messageId());
        return Optional.of(earlier.get().ontvangst());
    }

    private static void requireSameSchool(RequestIdentity identity, School school) {
        if (!identity.brin().equals(school.brincode())) {
            throw new GatewayFault(FaultCode.AUTORISATIE_ONGELDIG,
                    "De brincode in het bericht hoort niet bij de school in wsa:From.");
        }
    }

    private static boolean isUniqueViolation(StoreException e) {
        return e.getCause() instanceof SQLException s && "23505".equals(s.getSQLState());
    }
}
