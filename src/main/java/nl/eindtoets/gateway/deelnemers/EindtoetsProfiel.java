package nl.eindtoets.gateway.deelnemers;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.store.Schooljaar;

/**
 * The eindtoets profile on top of the schema (wsdl/xsd and docs/conformance.md). The schema already refuses BSN, address
 * and contact fields; these rules need the whole list or are stricter than the UWLR types. The first violation is
 * refused with {@code Client.OngeldigBericht} naming the element path, never its value: values are pupil data.
 */
public final class EindtoetsProfiel {

    static final String ROOT = "/deelnemers_aanlevering/leerlinggegevens";
    static final String SCHOOL = ROOT + "/school";

    private static final Pattern ECKID = Pattern.compile("https://ketenid\\.nl/(201703|pilot)/[0-9a-f]{128}");
    private static final Pattern BRIN = Pattern.compile("\\d{2}[A-Z]{2}");
    private static final Pattern DEPENDANCE = Pattern.compile("\\d{2}");
    private static final Set<String> JAARGROEPEN = Set.of("7", "8");
    private static final Set<Integer> GESLACHTEN = Set.of(0, 1, 2, 9);

    private EindtoetsProfiel() {
    }

    public static void check(Deelnemerslijst lijst) {
        checkSchool(lijst.school());
        Set<String> groepKeys = checkGroepen(lijst.groepen());
        checkLeerlingen(lijst.leerlingen(), groepKeys);
    }

    private static void checkSchool(School s) {
        XsdVersie.check(s.xsdversie(), SCHOOL + "/xsdversie");
        required(s.schooljaar(), SCHOOL + "/schooljaar");
        if (!Schooljaar.isValid(s.schooljaar())) {
            throw invalid(SCHOOL + "/schooljaar", "moet de vorm JJJJ-JJJJ hebben met twee opeenvolgende jaren");
        }
        required(s.brincode(), SCHOOL + "/brincode");
        if (!BRIN.matcher(s.brincode()).matches()) {
            throw invalid(SCHOOL + "/brincode", "is geen BRIN-code (twee cijfers en twee hoofdletters)");
        }
        if (!DEPENDANCE.matcher(s.dependancecodeOrDefault()).matches()) {
            throw invalid(SCHOOL + "/dependancecode", "moet uit twee cijfers bestaan");
        }
        if (s.aanmaakdatum() == null) {
            throw missing(SCHOOL + "/aanmaakdatum");
        }
    }

    private static Set<String> checkGroepen(List<Groep> groepen) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < groepen.size(); i++) {
            Groep g = groepen.get(i);
            String path = ROOT + "/groepen/groep[" + (i + 1) + "]";
            required(g.key(), path + "/@key");
            if (!keys.add(g.key())) {
                throw invalid(path + "/@key", "komt al eerder in het bericht voor");
            }
        }
        return keys;
    }

    private static void checkLeerlingen(List<Leerling> leerlingen, Set<String> groepKeys) {
        if (leerlingen.isEmpty()) {
            throw missing(ROOT + "/leerlingen/leerling");
        }
        Set<String> keys = new HashSet<>();
        Set<String> eckids = new HashSet<>();
        for (int i = 0; i < leerlingen.size(); i++) {
            Leerling l = leerlingen.get(i);
            required(l.key(), i, "/@key");
            if (!keys.add(l.key())) {
                throw invalid(pupil(i) + "/@key", "komt al eerder in het bericht voor");
            }
            if (l.eckid() != null) {
                if (!ECKID.matcher(l.eckid()).matches()) {
                    throw invalid(pupil(i) + "/@eckid", "is geen geldig ECK-iD");
                }
                if (!eckids.add(l.eckid())) {
                    throw invalid(pupil(i) + "/@eckid", "komt al eerder in het bericht voor");
                }
            }
            required(l.achternaam(), i, "/achternaam");
            required(l.roepnaam(), i, "/roepnaam");
            required(l.voorletters(), i, "/voorletters-1");
            if (l.geboortedatum() == null) {
                throw missing(pupil(i) + "/geboortedatum");
            }
            if (l.geslacht() == null) {
                throw missing(pupil(i) + "/geslacht");
            }
            if (!GESLACHTEN.contains(l.geslacht())) {
                throw invalid(pupil(i) + "/geslacht", "moet 0, 1, 2 of 9 zijn");
            }
            required(l.jaargroep(), i, "/jaargroep");
            if (!JAARGROEPEN.contains(l.jaargroep())) {
                throw invalid(pupil(i) + "/jaargroep", "moet 7 of 8 zijn");
            }
            required(l.groepKey(), i, "/groep/@key");
            if (!groepKeys.contains(l.groepKey())) {
                throw invalid(pupil(i) + "/groep/@key", "verwijst naar een groep die niet in het bericht staat");
            }
        }
    }

    /** A pupil's field must be present; the path is only built for the fault, not for each of thousands of pupils. */
    private static void required(String value, int pupil, String field) {
        if (value == null || value.isBlank()) {
            throw missing(pupil(pupil) + field);
        }
    }

    private static String pupil(int index) {
        return ROOT + "/leerlingen/leerling[" + (index + 1) + "]";
    }

    private static void required(String value, String path) {
        if (value == null || value.isBlank()) {
            throw missing(path);
        }
    }

    private static GatewayFault missing(String path) {
        return new GatewayFault(FaultCode.ONGELDIG_BERICHT, "Verplicht gegeven ontbreekt: " + path + ".");
    }

    private static GatewayFault invalid(String path, String reason) {
        return new GatewayFault(FaultCode.ONGELDIG_BERICHT, "Ongeldige waarde in " + path + ": " + reason + ".");
    }
}
