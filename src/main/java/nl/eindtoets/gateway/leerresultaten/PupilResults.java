package nl.eindtoets.gateway.leerresultaten;

import java.util.List;
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
}
