package nl.eindtoets.gateway.leerresultaten;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.eindtoets.gateway.deelnemers.Leerling;

/** Finds a pupil of a school's current list: on ECK-iD first, on LAS-key second, as results are matched to participants. */
final class PupilIndex {

    private final Map<String, Leerling> byEckid = new HashMap<>();
    private final Map<String, Leerling> byKey = new HashMap<>();

    PupilIndex(List<Leerling> pupils) {
        for (Leerling l : pupils) {
            if (l.eckid() != null) {
                byEckid.put(l.eckid(), l);
            }
            byKey.put(l.key(), l);
        }
    }

    /**
     * The pupil with this ECK-iD; otherwise the one with this LAS-key, unless both carry an ECK-iD and they
     * differ (then the key points at someone else). Null when there is no such pupil.
     */
    Leerling match(String eckid, String lasKey) {
        if (eckid != null) {
            Leerling l = byEckid.get(eckid);
            if (l != null) {
                return l;
            }
        }
        if (lasKey != null) {
            Leerling l = byKey.get(lasKey);
            if (l != null && (eckid == null || l.eckid() == null)) {
                return l;
            }
        }
        return null;
    }
}
