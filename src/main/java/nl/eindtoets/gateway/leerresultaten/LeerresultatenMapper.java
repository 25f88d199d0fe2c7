package nl.eindtoets.gateway.leerresultaten;

import java.math.BigInteger;
import nl.eindtoets.gateway.contract.Leeg;
import nl.eindtoets.gateway.contract.LeerresultatenAntwoord;
import nl.eindtoets.gateway.contract.LeerresultatenVerzoek;
import nl.eindtoets.gateway.contract.leerresultaten.Resultaat;
import nl.eindtoets.gateway.contract.leerresultaten.Resultaten;
import nl.eindtoets.gateway.contract.leerresultaten.School;
import nl.eindtoets.gateway.contract.leerresultaten.Toets;
import nl.eindtoets.gateway.contract.leerresultaten.Toetsafname;
import nl.eindtoets.gateway.contract.leerresultaten.Toetsafnames;
import nl.eindtoets.gateway.contract.leerresultaten.Toetsen;
import nl.eindtoets.gateway.contract.leerresultaten.Toetsonderdeel;
import nl.eindtoets.gateway.contract.leerresultaten.Toetsonderdelen;
import nl.eindtoets.gateway.deelnemers.XmlTimes;

/** Between the wire types of HaalLeerresultaten and the domain: the only place in this package that knows JAXB. */
public final class LeerresultatenMapper {

    private LeerresultatenMapper() {
    }

    public static nl.eindtoets.gateway.leerresultaten.LeerresultatenVerzoek toDomain(LeerresultatenVerzoek v) {
        return new nl.eindtoets.gateway.leerresultaten.LeerresultatenVerzoek(v.getSchooljaar(), v.getBrincode(),
                v.getDependancecode(), v.getXsdversie(), XmlTimes.dateTime(v.getLaatstontvangengegevens()));
    }

    public static LeerresultatenAntwoord toJaxb(nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord antwoord) {
        LeerresultatenAntwoord out = new LeerresultatenAntwoord();
        if (antwoord instanceof nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.GeenWijzigingen) {
            out.setGeenwijzigingen(new Leeg());
        } else if (antwoord instanceof nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.GeenGegevens) {
            out.setGeengegevens(new Leeg());
        } else if (antwoord instanceof nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Resultaten r) {
            out.setSchool(school(r.school()));
            Toetsafnames afnames = new Toetsafnames();
            for (var a : r.toetsafnames()) {
                Toetsafname ta = new Toetsafname();
                ta.setLeerlingid(a.leerlingid());
                ta.setEckid(a.eckid());
                Resultaten resultaten = new Resultaten();
                for (var res : a.resultaten()) {
                    Resultaat x = new Resultaat();
                    x.setKey(res.key());
                    x.setAfnamedatum(XmlTimes.xmlDate(res.afnamedatum()));
                    x.setToetscode(res.toetscode());
                    x.setToetsonderdeelcode(res.toetsonderdeelcode());
                    x.setScore(BigInteger.valueOf(res.score()));
                    x.setInfourl(res.infourl());
                    resultaten.getResultaat().add(x);
                }
                ta.setResultaten(resultaten);
                afnames.getToetsafname().add(ta);
            }
            out.setToetsafnames(afnames);
            Toetsen toetsen = new Toetsen();
            for (var t : r.toetsen()) {
                Toets toets = new Toets();
                toets.setToetscode(t.toetscode());
                toets.setToetsnaam(t.toetsnaam());
                if (!t.toetsonderdelen().isEmpty()) {
                    Toetsonderdelen delen = new Toetsonderdelen();
                    for (var d : t.toetsonderdelen()) {
                        Toetsonderdeel td = new Toetsonderdeel();
                        td.setToetsonderdeelvolgnummer(BigInteger.valueOf(d.volgnummer()));
                        td.setToetsonderdeelcode(d.toetsonderdeelcode());
                        td.setToetsonderdeelnaam(d.toetsonderdeelnaam());
                        delen.getToetsonderdeel().add(td);
                    }
                    toets.setToetsonderdelen(delen);
                }
                toetsen.getToets().add(toets);
            }
            out.setToetsen(toetsen);
        }
        return out;
    }

    private static School school(nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.ResultatenSchool s) {
        School school = new School();
        school.setSchooljaar(s.schooljaar());
        school.setBrincode(s.brincode());
        school.setDependancecode(s.dependancecode());
        school.setAanmaakdatum(XmlTimes.xmlDateTimeExact(s.aanmaakdatum()));
        school.setXsdversie(s.xsdversie());
        return school;
    }
}
