package nl.eindtoets.gateway.deelnemers;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import nl.eindtoets.gateway.contract.DeelnemersAanlevering;
import nl.eindtoets.gateway.contract.DeelnemersOntvangst;
import nl.eindtoets.gateway.contract.leerlinggegevens.Leerlinggegevens;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;

/** Between the wire types of BrengDeelnemers and the domain: the only place in this package that knows JAXB. */
public final class DeelnemersMapper {

    private DeelnemersMapper() {
    }

    public static Deelnemerslijst toDomain(DeelnemersAanlevering aanlevering) {
        Leerlinggegevens lg = aanlevering == null ? null : aanlevering.getLeerlinggegevens();
        if (lg == null || lg.getSchool() == null) {
            throw new GatewayFault(FaultCode.ONGELDIG_BERICHT,
                    "Verplicht gegeven ontbreekt: " + EindtoetsProfiel.SCHOOL + ".");
        }
        var s = lg.getSchool();
        School school = new School(s.getSchooljaar(), s.getBrincode(), s.getDependancecode(),
                XmlTimes.dateTime(s.getAanmaakdatum()), s.getXsdversie());
        List<Groep> groepen = new ArrayList<>();
        if (lg.getGroepen() != null) {
            for (var g : lg.getGroepen().getGroep()) {
                groepen.add(new Groep(g.getKey(), g.getNaam(), g.getJaargroep()));
            }
        }
        List<Leerling> leerlingen = new ArrayList<>();
        if (lg.getLeerlingen() != null) {
            for (var l : lg.getLeerlingen().getLeerling()) {
                leerlingen.add(new Leerling(l.getKey(), l.getEckid(), l.getAchternaam(), l.getVoorvoegsel(),
                        l.getVoorletters1(), l.getRoepnaam(), XmlTimes.date(l.getGeboortedatum()),
                        geslacht(l.getGeslacht()), l.getJaargroep(), l.getGroep() == null ? null : l.getGroep().getKey()));
            }
        }
        return new Deelnemerslijst(school, groepen, leerlingen);
    }

    public static DeelnemersOntvangst toJaxb(Ontvangst ontvangst) {
        DeelnemersOntvangst out = new DeelnemersOntvangst();
        out.setOntvangstid(ontvangst.ontvangstId().toString());
        out.setAantalDeelnemers(BigInteger.valueOf(ontvangst.aantalDeelnemers()));
        out.setOntvangenOp(XmlTimes.xmlDateTimeExact(ontvangst.ontvangenOp()));
        return out;
    }

    /** Out-of-range codes become an impossible value so the profile names the element instead of overflowing. */
    private static Integer geslacht(BigInteger value) {
        if (value == null) {
            return null;
        }
        return value.bitLength() < 31 ? value.intValue() : -1;
    }
}
