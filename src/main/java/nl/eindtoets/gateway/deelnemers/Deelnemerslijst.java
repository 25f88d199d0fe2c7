package nl.eindtoets.gateway.deelnemers;

import java.util.List;
import java.util.Objects;

/**
 * One delivered participant list (standlevering): the school, its groups and the pupils taking the eindtoets.
 * Transport-neutral; {@link DeelnemersMapper} builds it from the SOAP body. Lists keep the order of the message, so
 * a position {@code i} corresponds to element {@code leerling[i + 1]}.
 */
public record Deelnemerslijst(School school, List<Groep> groepen, List<Leerling> leerlingen) {
    public Deelnemerslijst {
        Objects.requireNonNull(school, "school");
        groepen = List.copyOf(groepen);
        leerlingen = List.copyOf(leerlingen);
    }
}
