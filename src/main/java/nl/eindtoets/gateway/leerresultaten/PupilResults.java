package nl.eindtoets.gateway.leerresultaten;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Resultaat;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Toets;

/** One pupil's results as HaalLeerresultaten reports them, with the catalogue's tests they name. */
public record PupilResults(List<Resultaat> resultaten, List<Toets> toetsen) {

    public PupilResults {
        resultaten = List.copyOf(resultaten);
        toetsen = List.copyOf(toetsen);
    }

    public boolean isEmpty() {
        return resultaten.isEmpty();
    }

    /** The level reached per {@code toetsonderdeelcode} of the test, in import order; parts without one are absent. */
    public Map<String, String> referentieniveaus(String toetscode) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Resultaat r : resultaten) {
            if (toetscode.equals(r.toetscode()) && r.toetsonderdeelcode() != null && r.referentieniveau() != null) {
                out.put(r.toetsonderdeelcode(), r.referentieniveau());
            }
        }
        return out;
    }

    /** The advice on the test's whole-test result, when one was imported. */
    public Optional<String> toetsadvies(String toetscode) {
        return resultaten.stream()
                .filter(r -> toetscode.equals(r.toetscode()) && r.toetsonderdeelcode() == null && r.toetsadvies() != null)
                .map(Resultaat::toetsadvies)
                .findFirst();
    }
}
