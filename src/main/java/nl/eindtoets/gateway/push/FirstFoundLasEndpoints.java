package nl.eindtoets.gateway.push;

import java.util.List;
import java.util.Optional;
import nl.eindtoets.gateway.request.Oin;

/**
 * Asks its sources in order and answers with the first endpoint found: the back office's configured endpoint
 * overrides the OSR's. A source that cannot answer ends the search with {@link LasEndpointsUnavailableException}
 * rather than falling through, so a later source never replaces an override that could not be read.
 */
public final class FirstFoundLasEndpoints implements LasEndpoints {

    private final List<LasEndpoints> sources;

    public FirstFoundLasEndpoints(List<LasEndpoints> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least one source of LAS endpoints is needed");
        }
        this.sources = List.copyOf(sources);
    }

    @Override
    public Optional<LasEndpoint> find(String routingId, Oin schoolOin) {
        for (LasEndpoints source : sources) {
            Optional<LasEndpoint> found = source.find(routingId, schoolOin);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
