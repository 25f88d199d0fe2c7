package nl.eindtoets.gateway.deelnemers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.bind.JAXBContext;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import nl.eindtoets.gateway.contract.DeelnemersAanlevering;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import org.junit.jupiter.api.Test;

class EindtoetsProfielTest {

    private static final String PUPILS = "/deelnemers_aanlevering/leerlinggegevens/leerlingen/leerling";
    private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-11-15T10:00:00+01:00");

    private static Deelnemerslijst sample(String name) throws Exception {
        try (InputStream in = EindtoetsProfielTest.class.getResourceAsStream("/samples/" + name)) {
            var aanlevering = (DeelnemersAanlevering) JAXBContext.newInstance(DeelnemersAanlevering.class)
                    .createUnmarshaller().unmarshal(in);
            return DeelnemersMapper.toDomain(aanlevering);
        }
    }

    private static Deelnemerslijst withPupil(int index, UnaryOperator<Leerling> change) {
        Deelnemerslijst l = Lijsten.lijst("99AA", "a", 4, TIME);
        List<Leerling> pupils = new ArrayList<>(l.leerlingen());
        pupils.set(index, change.apply(pupils.get(index)));
        return new Deelnemerslijst(l.school(), l.groepen(), pupils);
    }

    private static void assertRefusedAt(Deelnemerslijst lijst, String path) {
        assertThatThrownBy(() -> EindtoetsProfiel.check(lijst)).isInstanceOfSatisfying(GatewayFault.class, f -> {
            assertThat(f.code()).isEqualTo(FaultCode.ONGELDIG_BERICHT);
            assertThat(f.getMessage()).contains(path);
        });
    }

    @Test
    void acceptsTheSampleDeliveryOfTheContract() throws Exception {
        Deelnemerslijst lijst = sample("deelnemers-99AA.xml");

        assertThatCode(() -> EindtoetsProfiel.check(lijst)).doesNotThrowAnyException();
        assertThat(lijst.school().brincode()).isEqualTo("99AA");
        assertThat(lijst.school().aanmaakdatum()).isEqualTo(OffsetDateTime.parse("2026-11-15T10:00:00+01:00"));
        assertThat(lijst.leerlingen().get(0).voorletters()).isEqualTo("SM");
        assertThat(lijst.leerlingen().get(0).groepKey()).isEqualTo("99AA-grp-8a");
    }

    @Test
    void refusesThePupilInJaargroep6OfTheContractSampleNamingItsPath() throws Exception {
        Deelnemerslijst lijst = sample("deelnemers-99AA-jaargroep-6.xml");
        int index = 0;
        while (!"6".equals(lijst.leerlingen().get(index).jaargroep())) {
            index++;
        }

        assertRefusedAt(lijst, PUPILS + "[" + (index + 1) + "]/jaargroep");
    }

    @Test
    void refusesJaargroep6WithThePathOfTheThirdPupil() {
        assertRefusedAt(withPupil(2, l -> new Leerling(l.key(), l.eckid(), l.achternaam(), l.voorvoegsel(),
                l.voorletters(), l.roepnaam(), l.geboortedatum(), l.geslacht(), "6", l.groepKey())), PUPILS + "[3]/jaargroep");
    }

    @Test
    void refusesAReferenceToAnUndeclaredGroup() {
        assertRefusedAt(withPupil(1, l -> new Leerling(l.key(), l.eckid(), l.achternaam(), l.voorvoegsel(),
                l.voorletters(), l.roepnaam(), l.geboortedatum(), l.geslacht(), l.jaargroep(), "elsewhere")),
                PUPILS + "[2]/groep/@key");
    }

    @Test
    void refusesADuplicateLasKey() {
        assertRefusedAt(withPupil(3, l -> new Leerling("a-0", l.eckid(), l.achternaam(), l.voorvoegsel(),
                l.voorletters(), l.roepnaam(), l.geboortedatum(), l.geslacht(), l.jaargroep(), l.groepKey())),
                PUPILS + "[4]/@key");
    }

    @Test
    void refusesAMalformedEckid() {
        assertRefusedAt(withPupil(0, l -> new Leerling(l.key(), "https://ketenid.nl/201703/ABC", l.achternaam(),
                l.voorvoegsel(), l.voorletters(), l.roepnaam(), l.geboortedatum(), l.geslacht(), l.jaargroep(),
                l.groepKey())), PUPILS + "[1]/@eckid");
    }

    @Test
    void refusesAPupilWithoutVoorletters() {
        assertRefusedAt(withPupil(0, l -> new Leerling(l.key(), l.eckid(), l.achternaam(), l.voorvoegsel(), null,
                l.roepnaam(), l.geboortedatum(), l.geslacht(), l.jaargroep(), l.groepKey())), PUPILS + "[1]/voorletters-1");
    }

    @Test
    void refusesASchoolYearWhoseSecondYearDoesNotFollowTheFirst() {
        Deelnemerslijst l = Lijsten.lijst("99AA", "a", 1, TIME);
        Deelnemerslijst bad = new Deelnemerslijst(new School("2026-2028", "99AA", "00", TIME, "2.2"), l.groepen(),
                l.leerlingen());

        assertRefusedAt(bad, "/deelnemers_aanlevering/leerlinggegevens/school/schooljaar");
    }

    @Test
    void neverPutsPupilDataInTheFaultText() {
        Deelnemerslijst lijst = withPupil(0, l -> new Leerling(l.key(), l.eckid(), "Geheimnaam", l.voorvoegsel(),
                l.voorletters(), l.roepnaam(), l.geboortedatum(), l.geslacht(), "5", l.groepKey()));

        assertThatThrownBy(() -> EindtoetsProfiel.check(lijst)).isInstanceOfSatisfying(GatewayFault.class,
                f -> assertThat(f.getMessage()).doesNotContain("Geheimnaam").doesNotContain("a-0").doesNotContain("5"));
    }

    @Test
    void refusesAnUnsupportedXsdVersionWithItsOwnCode() throws Exception {
        Deelnemerslijst lijst = sample("deelnemers-99AA-xsdversie-9.9.xml");

        assertThatThrownBy(() -> EindtoetsProfiel.check(lijst)).isInstanceOfSatisfying(GatewayFault.class,
                f -> assertThat(f.code()).isEqualTo(FaultCode.XSD_VERSIE_ONGELDIG));
    }
}
