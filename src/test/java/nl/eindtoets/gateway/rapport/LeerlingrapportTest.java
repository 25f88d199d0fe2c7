package nl.eindtoets.gateway.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.eindtoets.gateway.deelnemers.Groep;
import nl.eindtoets.gateway.deelnemers.Leerling;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Resultaat;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Toets;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Toetsonderdeel;
import nl.eindtoets.gateway.rapport.Leerlingrapport.Referentieniveau;
import org.junit.jupiter.api.Test;

class LeerlingrapportTest {

    private static final LocalDate AFNAME = LocalDate.of(2027, 4, 20);
    private static final Leerling SANNE = new Leerling("lln-1", null, "Jansen", "de", "SM", "Sanne",
            LocalDate.of(2015, 9, 14), 2, "8", "g8");
    private static final Groep GROEP_8 = new Groep("g8", "Groep 8", "8");
    /** The development catalogue's test (V1__store.sql). */
    private static final Toets EINDTOETS = new Toets("EINDTOETS-2027", "Eindtoets PO 2027", List.of(
            new Toetsonderdeel(1, "REKENEN", "Rekenen"), new Toetsonderdeel(2, "TAALVERZORGING", "Taalverzorging"),
            new Toetsonderdeel(3, "LEZEN", "Lezen")));

    private static Resultaat result(String onderdeel, int score) {
        return new Resultaat("r" + score, AFNAME, "EINDTOETS-2027", onderdeel, score, null);
    }

    @Test
    void fromStoredResultsTakesTheScoreAndDateOfTheWholeTestResult() {
        Leerlingrapport r = Leerlingrapport.of("De Eik", "99AA", SANNE, GROEP_8, EINDTOETS,
                List.of(result("REKENEN", 41), result(null, 84), result("LEZEN", 30)), Map.of(), null);

        assertThat(r.score()).isEqualTo(84);
        assertThat(r.afnamedatum()).isEqualTo(AFNAME);
    }

    @Test
    void fromStoredResultsTakesThePupilsNameAndGroup() {
        Leerlingrapport r = Leerlingrapport.of("De Eik", "99AA", SANNE, GROEP_8, EINDTOETS, List.of(result(null, 84)),
                Map.of(), null);

        assertThat(r.naam()).isEqualTo("Sanne de Jansen");
        assertThat(r.groep()).isEqualTo("Groep 8");
    }

    @Test
    void fromStoredResultsListsLevelsInTheOrderOfTheTestsPartsWithTheirNames() {
        Leerlingrapport r = Leerlingrapport.of("De Eik", "99AA", SANNE, GROEP_8, EINDTOETS, List.of(result(null, 84)),
                Map.of("LEZEN", "2F", "REKENEN", "1S"), "havo/vwo");

        assertThat(r.referentieniveaus()).containsExactly(new Referentieniveau("REKENEN", "Rekenen", "1S"),
                new Referentieniveau("LEZEN", "Lezen", "2F"));
    }

    @Test
    void fromStoredResultsRefusesResultsWithoutAWholeTestScore() {
        assertThatThrownBy(() -> Leerlingrapport.of("De Eik", "99AA", SANNE, GROEP_8, EINDTOETS,
                List.of(result("REKENEN", 41)), Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EINDTOETS-2027");
    }

    @Test
    void refusesANegativeScore() {
        assertThatThrownBy(() -> new Leerlingrapport(null, "99AA", "Sanne", null, "Jansen", null, "EINDTOETS-2027",
                null, AFNAME, -1, List.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPartWithoutANameIsShownByItsCode() {
        assertThat(new Referentieniveau("REKENEN", null, "1F").onderdeel()).isEqualTo("REKENEN");
    }
}
