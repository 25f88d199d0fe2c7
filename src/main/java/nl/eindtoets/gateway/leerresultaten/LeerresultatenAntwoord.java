package nl.eindtoets.gateway.leerresultaten;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The answer to HaalLeerresultaten: the results in the UWLR shape, or one of the two empty answers. */
public sealed interface LeerresultatenAntwoord
        permits LeerresultatenAntwoord.Resultaten, LeerresultatenAntwoord.GeenWijzigingen,
        LeerresultatenAntwoord.GeenGegevens {

    /**
     * The school's results.
     *
     * @param school       school block; its {@code aanmaakdatum} is when the results last changed, for the LAS to
     *                     send back as {@code laatstontvangengegevens}
     * @param toetsafnames per pupil, the results
     * @param toetsen      the tests the results refer to
     */
    record Resultaten(ResultatenSchool school, List<Toetsafname> toetsafnames, List<Toets> toetsen)
            implements LeerresultatenAntwoord {
        public Resultaten {
            toetsafnames = List.copyOf(toetsafnames);
            toetsen = List.copyOf(toetsen);
        }
    }

    /** Nothing changed since {@code laatstontvangengegevens}. */
    record GeenWijzigingen() implements LeerresultatenAntwoord {
    }

    /** There are no results for this school. */
    record GeenGegevens() implements LeerresultatenAntwoord {
    }

    record ResultatenSchool(String schooljaar, String brincode, String dependancecode, OffsetDateTime aanmaakdatum,
                            String xsdversie) {
    }

    /** @param leerlingid the LAS-key of the pupil's current list entry */
    record Toetsafname(String leerlingid, String eckid, List<Resultaat> resultaten) {
        public Toetsafname {
            resultaten = List.copyOf(resultaten);
        }
    }

    /**
     * One stored result. The UWLR answer carries the score; the reference level and the advice are for the PDF
     * report and the push to the LAS, which speak the eindtoets chain's Resultaten.
     *
     * @param toetsonderdeelcode null for a whole-test result
     * @param referentieniveau   the level reached on the test part, e.g. {@code 1S}; null when none was imported
     * @param toetsadvies        on the whole-test result, the advice, e.g. {@code havo/vwo}; null when none was imported
     */
    record Resultaat(String key, LocalDate afnamedatum, String toetscode, String toetsonderdeelcode, int score,
                     String infourl, String referentieniveau, String toetsadvies) {

        /** A score without level or advice. */
        public Resultaat(String key, LocalDate afnamedatum, String toetscode, String toetsonderdeelcode, int score,
                         String infourl) {
            this(key, afnamedatum, toetscode, toetsonderdeelcode, score, infourl, null, null);
        }
    }

    record Toets(String toetscode, String toetsnaam, List<Toetsonderdeel> toetsonderdelen) {
        public Toets {
            toetsonderdelen = List.copyOf(toetsonderdelen);
        }
    }

    record Toetsonderdeel(int volgnummer, String toetsonderdeelcode, String toetsonderdeelnaam) {
    }
}
