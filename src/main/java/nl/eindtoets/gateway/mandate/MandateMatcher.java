package nl.eindtoets.gateway.mandate;

import java.util.Collection;
import nl.eindtoets.gateway.mandate.MandateDecision.Source;

/** Finds the mandate that answers a query in a list; shared by the embedded register and the OSR simulator. */
final class MandateMatcher {

    private MandateMatcher() {
    }

    /** The matching mandate that lasts longest (open-ended wins), or null. */
    static Mandate find(Collection<Mandate> mandates, MandateQuery query) {
        Mandate best = null;
        for (Mandate m : mandates) {
            if (m.answers(query) && (best == null || lastsLonger(m, best))) {
                best = m;
            }
        }
        return best;
    }

    static MandateAnswer answer(Collection<Mandate> mandates, MandateQuery query, Source source) {
        Mandate m = find(mandates, query);
        return m == null ? MandateAnswer.denied(source) : MandateAnswer.granted(m.endDate(), source);
    }

    private static boolean lastsLonger(Mandate a, Mandate b) {
        if (b.endDate() == null) {
            return false;
        }
        return a.endDate() == null || a.endDate().isAfter(b.endDate());
    }
}
