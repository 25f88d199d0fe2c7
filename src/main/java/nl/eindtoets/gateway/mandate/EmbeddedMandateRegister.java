package nl.eindtoets.gateway.mandate;

import java.nio.file.Path;
import java.util.List;
import nl.eindtoets.gateway.mandate.MandateDecision.Source;

/**
 * A register read once from a mandates file: the default, so the gateway runs without network access. A query is
 * granted when some mandate answers it; when several do, the one lasting longest gives the end date.
 */
public final class EmbeddedMandateRegister implements MandateRegister {

    private final List<Mandate> mandates;

    public EmbeddedMandateRegister(List<Mandate> mandates) {
        this.mandates = List.copyOf(mandates);
    }

    /** Reads {@code file}, or the built-in development mandates when it is null. */
    public static EmbeddedMandateRegister fromFile(Path file) {
        return new EmbeddedMandateRegister(MandateFile.read(file));
    }

    @Override
    public MandateAnswer lookup(MandateQuery query) {
        return MandateMatcher.answer(mandates, query, Source.EMBEDDED);
    }

    @Override
    public Source source() {
        return Source.EMBEDDED;
    }
}
