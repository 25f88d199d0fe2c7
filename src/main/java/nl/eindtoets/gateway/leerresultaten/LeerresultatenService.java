package nl.eindtoets.gateway.leerresultaten;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.eindtoets.gateway.deelnemers.DeliveryStore;
import nl.eindtoets.gateway.deelnemers.Leerling;
import nl.eindtoets.gateway.deelnemers.XsdVersie;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Resultaat;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.ResultatenSchool;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Toets;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Toetsafname;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.RequestIdentity;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.Jdbc;
import nl.eindtoets.gateway.store.SchoolRegistry;
import nl.eindtoets.gateway.store.Schooljaar;
import nl.eindtoets.gateway.store.StoreUnavailableException;

/**
 * HaalLeerresultaten: the results the back office imported for a school, in the UWLR shape. Results are reported
 * under the pupil's current identity: a result is matched to the current list on ECK-iD first, LAS-key second, so a
 * pupil whose LAS-key changed gets the results under the new key.
 */
public final class LeerresultatenService {

    static final String ROOT = "/leerresultaten_verzoek";
    private static final String COLUMNS = "id, pupil_las_key, pupil_eckid, toetscode, toetsonderdeelcode, afnamedatum,"
            + " score, infourl, referentieniveau, toetsadvies";

    private final Database database;
    private final DeliveryStore deliveries;

    public LeerresultatenService(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.deliveries = new DeliveryStore(database);
    }

    /**
     * A request without {@code xsdversie} is answered like one with 2.2.
     *
     * @throws GatewayFault {@code XsdVersieOngeldig} (only for an xsdversie that is present), {@code OngeldigBericht},
     *                      {@code AutorisatieOngeldig}, {@code SchoolOnbekend} or {@code TijdelijkNietBeschikbaar}
     */
    public LeerresultatenAntwoord haal(RequestIdentity identity, LeerresultatenVerzoek verzoek) {
        try {
            return database.inTransaction(c -> haal(c, identity, verzoek));
        } catch (StoreUnavailableException e) {
            throw e.toFault();
        }
    }

    /** As {@link #haal(RequestIdentity, LeerresultatenVerzoek)}, read in the caller's transaction. */
    public LeerresultatenAntwoord haal(Connection c, RequestIdentity identity, LeerresultatenVerzoek verzoek)
            throws SQLException {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(verzoek, "verzoek");
        if (verzoek.xsdversie() != null) {
            // Optional in the contract: absent is answered as usual, present must be a supported version.
            XsdVersie.check(verzoek.xsdversie(), ROOT + "/xsdversie");
        }
        if (!Schooljaar.isValid(verzoek.schooljaar())) {
            throw new GatewayFault(FaultCode.ONGELDIG_BERICHT, "Ongeldige waarde in " + ROOT
                    + "/schooljaar: moet de vorm JJJJ-JJJJ hebben met twee opeenvolgende jaren.");
        }
        if (!identity.brin().equals(verzoek.brincode())) {
            throw new GatewayFault(FaultCode.AUTORISATIE_ONGELDIG,
                    "De brincode in het bericht hoort niet bij de school in wsa:From.");
        }
        return answer(c, verzoek);
    }

    private LeerresultatenAntwoord answer(Connection c, LeerresultatenVerzoek v) throws SQLException {
        String brin = v.brincode();
        String dep = v.dependancecodeOrDefault();
        if (SchoolRegistry.find(c, brin, v.schooljaar(), false).isEmpty()) {
            throw new GatewayFault(FaultCode.SCHOOL_ONBEKEND);
        }
        Optional<Instant> changedAt = ResultImport.changedAt(c, brin, dep, v.schooljaar());
        if (changedAt.isEmpty()) {
            return new LeerresultatenAntwoord.GeenGegevens();
        }
        if (v.laatstOntvangen() != null && !changedAt.get().isAfter(v.laatstOntvangen().toInstant())) {
            return new LeerresultatenAntwoord.GeenWijzigingen();
        }
        PupilIndex current = new PupilIndex(deliveries.currentPupils(c, brin, dep, v.schooljaar()));
        TestCatalogue catalogue = TestCatalogue.load(c);
        Map<String, List<Resultaat>> perPupil = new LinkedHashMap<>();
        Map<String, String[]> pupilIds = new LinkedHashMap<>();
        Set<String> testCodes = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM result WHERE brin = ?"
                + " AND dependancecode = ? AND schooljaar = ? ORDER BY pupil_las_key, id")) {
            ps.setString(1, brin);
            ps.setString(2, dep);
            ps.setString(3, v.schooljaar());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] ids = currentIdentity(current, rs.getString("pupil_las_key"), rs.getString("pupil_eckid"));
                    String pupilKey = ids[0] + "\u0000" + (ids[1] == null ? "" : ids[1]);
                    pupilIds.putIfAbsent(pupilKey, ids);
                    String toetscode = rs.getString("toetscode");
                    testCodes.add(toetscode);
                    perPupil.computeIfAbsent(pupilKey, k -> new ArrayList<>()).add(resultaat(rs));
                }
            }
        }
        if (perPupil.isEmpty()) {
            return new LeerresultatenAntwoord.GeenGegevens();
        }
        List<Toetsafname> afnames = new ArrayList<>();
        perPupil.forEach((k, results) -> afnames.add(new Toetsafname(pupilIds.get(k)[0], pupilIds.get(k)[1], results)));
        List<Toets> toetsen = new ArrayList<>();
        for (String code : testCodes) {
            Toets t = catalogue.test(code);
            toetsen.add(t != null ? t : new Toets(code, null, List.of()));
        }
        ResultatenSchool school = new ResultatenSchool(v.schooljaar(), brin, dep,
                OffsetDateTime.ofInstant(changedAt.get(), ZoneOffset.UTC), v.xsdversieOrDefault());
        return new LeerresultatenAntwoord.Resultaten(school, afnames, toetsen);
    }

    /**
     * The results of one pupil of the school's current list, matched to the list as {@link #haal} matches them
     * (ECK-iD first, LAS-key second), with their reference levels and advice and the tests they name; empty when
     * none were imported.
     */
    public PupilResults resultsOf(String brin, String dependancecode, String schooljaar, Leerling pupil) {
        Objects.requireNonNull(pupil, "pupil");
        try {
            return database.inTransaction(c -> {
                PupilIndex current = new PupilIndex(deliveries.currentPupils(c, brin, dependancecode, schooljaar));
                List<Resultaat> results = new ArrayList<>();
                Set<String> testCodes = new LinkedHashSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM result WHERE brin = ?"
                        + " AND dependancecode = ? AND schooljaar = ? ORDER BY id")) {
                    ps.setString(1, brin);
                    ps.setString(2, dependancecode);
                    ps.setString(3, schooljaar);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Leerling l = current.match(rs.getString("pupil_eckid"), rs.getString("pupil_las_key"));
                            if (l != null && l.ref().equals(pupil.ref())) {
                                testCodes.add(rs.getString("toetscode"));
                                results.add(resultaat(rs));
                            }
                        }
                    }
                }
                TestCatalogue catalogue = TestCatalogue.load(c);
                List<Toets> toetsen = new ArrayList<>();
                for (String code : testCodes) {
                    Toets t = catalogue.test(code);
                    toetsen.add(t != null ? t : new Toets(code, null, List.of()));
                }
                return new PupilResults(results, toetsen);
            });
        } catch (StoreUnavailableException e) {
            throw e.toFault();
        }
    }

    private static Resultaat resultaat(ResultSet rs) throws SQLException {
        return new Resultaat("r" + rs.getLong("id"), Jdbc.date(rs, "afnamedatum"), rs.getString("toetscode"),
                rs.getString("toetsonderdeelcode"), rs.getInt("score"), rs.getString("infourl"),
                rs.getString("referentieniveau"), rs.getString("toetsadvies"));
    }

    /** LAS-key and ECK-iD to report: the current list's, or the stored ones when the pupil left the list. */
    private static String[] currentIdentity(PupilIndex current, String lasKey, String eckid) {
        Leerling l = current.match(eckid, lasKey);
        return l != null ? new String[] {l.key(), l.eckid()} : new String[] {lasKey, eckid};
    }
}
