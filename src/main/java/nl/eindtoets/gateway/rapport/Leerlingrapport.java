package nl.eindtoets.gateway.rapport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.eindtoets.gateway.deelnemers.Groep;
import nl.eindtoets.gateway.deelnemers.Leerling;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Resultaat;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Toets;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Toetsonderdeel;

/**
 * What the PDF leerlingrapport of one pupil says, and nothing more: the school, the pupil and the stamgroep, the test
 * and when it was taken, the whole-test score, the reference levels per test part and the advice.
 *
 * @param schoolnaam        the school's name; null when the supplier does not know it (the BRIN is shown alone)
 * @param brincode          BRIN4 of the school, e.g. {@code 99AA}
 * @param voorvoegsel       e.g. {@code van der}; null when the surname has none
 * @param groep             the stamgroep's name, e.g. {@code Groep 8b}; null when unknown
 * @param toetsnaam         null when the catalogue has no name for {@code toetscode}
 * @param score             the whole-test score ({@code Eindtoetsscore})
 * @param referentieniveaus in the order the test lists its parts; may be empty
 * @param toetsadvies       the advice based on the total score, e.g. {@code havo/vwo}; null when not (yet) given
 */
public record Leerlingrapport(String schoolnaam, String brincode, String roepnaam, String voorvoegsel,
                              String achternaam, String groep, String toetscode, String toetsnaam,
                              LocalDate afnamedatum, int score, List<Referentieniveau> referentieniveaus,
                              String toetsadvies) {

    public Leerlingrapport {
        Objects.requireNonNull(brincode, "brincode");
        Objects.requireNonNull(roepnaam, "roepnaam");
        Objects.requireNonNull(achternaam, "achternaam");
        Objects.requireNonNull(toetscode, "toetscode");
        Objects.requireNonNull(afnamedatum, "afnamedatum");
        if (score < 0) {
            throw new IllegalArgumentException("score must be 0 or more");
        }
        referentieniveaus = referentieniveaus == null ? List.of() : List.copyOf(referentieniveaus);
    }

    /**
     * The level reached on one test part.
     *
     * @param toetsonderdeelcode e.g. {@code REKENEN}
     * @param toetsonderdeelnaam e.g. {@code Rekenen}; null when the catalogue has no name
     * @param niveau             e.g. {@code 1F}, {@code 2F}, {@code 1S}
     */
    public record Referentieniveau(String toetsonderdeelcode, String toetsonderdeelnaam, String niveau) {
        public Referentieniveau {
            Objects.requireNonNull(toetsonderdeelcode, "toetsonderdeelcode");
            Objects.requireNonNull(niveau, "niveau");
        }

        /** The part's name, or its code when the catalogue has none. */
        public String onderdeel() {
            return toetsonderdeelnaam != null && !toetsonderdeelnaam.isBlank() ? toetsonderdeelnaam : toetsonderdeelcode;
        }
    }

    /**
     * The report from what the gateway stores: the pupil from the current list, the test from the catalogue and the
     * pupil's results as HaalLeerresultaten reports them. The score and date are those of the result without a test
     * part; the levels follow the order of the test's parts, for the parts {@code niveaus} names.
     *
     * @param niveaus     level per {@code toetsonderdeelcode}
     * @throws IllegalArgumentException when {@code resultaten} holds no whole-test result for {@code toets}
     */
    public static Leerlingrapport of(String schoolnaam, String brincode, Leerling leerling, Groep groep, Toets toets,
                                     List<Resultaat> resultaten, Map<String, String> niveaus, String toetsadvies) {
        Objects.requireNonNull(leerling, "leerling");
        Objects.requireNonNull(toets, "toets");
        Resultaat totaal = resultaten.stream()
                .filter(r -> r.toetsonderdeelcode() == null && toets.toetscode().equals(r.toetscode()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no whole-test result for " + toets.toetscode()));
        List<Referentieniveau> levels = new ArrayList<>();
        for (Toetsonderdeel part : toets.toetsonderdelen()) {
            String niveau = niveaus.get(part.toetsonderdeelcode());
            if (niveau != null) {
                levels.add(new Referentieniveau(part.toetsonderdeelcode(), part.toetsonderdeelnaam(), niveau));
            }
        }
        return new Leerlingrapport(schoolnaam, brincode, leerling.roepnaam(), leerling.voorvoegsel(),
                leerling.achternaam(), groep == null ? null : groep.naam(), toets.toetscode(), toets.toetsnaam(),
                totaal.afnamedatum(), totaal.score(), levels, toetsadvies);
    }

    /** Roepnaam, voorvoegsel and achternaam, as the pupil is addressed. */
    public String naam() {
        StringBuilder s = new StringBuilder(roepnaam.strip());
        if (voorvoegsel != null && !voorvoegsel.isBlank()) {
            s.append(' ').append(voorvoegsel.strip());
        }
        return s.append(' ').append(achternaam.strip()).toString();
    }
}
