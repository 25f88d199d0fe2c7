package nl.eindtoets.gateway.deelnemers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a mutatielevering to the school's current list: a delivered group replaces the group with its key, a
 * delivered pupil replaces the pupil it identifies, everything else is added; nothing is deleted. A pupil is the same
 * pupil on the same ECK-iD, or else on the same LAS-key when not both carry (different) ECK-iDs: the rule by which
 * results are matched to participants, so a pupil delivered over SOAP and over REST stays one pupil.
 */
final class Mutatie {

    private Mutatie() {
    }

    static Deelnemerslijst apply(List<Groep> currentGroepen, List<Leerling> currentLeerlingen,
                                 Deelnemerslijst delivered) {
        Map<String, Groep> groepen = new LinkedHashMap<>();
        currentGroepen.forEach(g -> groepen.put(g.key(), g));
        delivered.groepen().forEach(g -> groepen.put(g.key(), g));

        List<Leerling> leerlingen = new ArrayList<>(currentLeerlingen);
        Map<String, Integer> byEckid = new HashMap<>();
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < leerlingen.size(); i++) {
            index(leerlingen.get(i), i, byEckid, byKey);
        }
        for (Leerling l : delivered.leerlingen()) {
            Integer at = position(l, leerlingen, byEckid, byKey);
            if (at == null) {
                leerlingen.add(l);
                index(l, leerlingen.size() - 1, byEckid, byKey);
            } else {
                leerlingen.set(at, l);
                index(l, at, byEckid, byKey);
            }
        }
        return new Deelnemerslijst(delivered.school(), List.copyOf(groepen.values()), leerlingen);
    }

    private static Integer position(Leerling l, List<Leerling> current, Map<String, Integer> byEckid,
                                    Map<String, Integer> byKey) {
        if (l.eckid() != null && byEckid.containsKey(l.eckid())) {
            return byEckid.get(l.eckid());
        }
        if (l.key() != null && byKey.containsKey(l.key())) {
            Integer at = byKey.get(l.key());
            String known = current.get(at).eckid();
            if (l.eckid() == null || known == null) {
                return at;
            }
        }
        return null;
    }

    private static void index(Leerling l, int at, Map<String, Integer> byEckid, Map<String, Integer> byKey) {
        if (l.eckid() != null) {
            byEckid.put(l.eckid(), at);
        }
        if (l.key() != null) {
            byKey.put(l.key(), at);
        }
    }
}
