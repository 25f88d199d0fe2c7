package nl.eindtoets.gateway.security;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The elements a signature may name, by {@code wsu:Id} and by {@code Id}, filled from the places its owner allows.
 * An Id found on two of them is remembered as such, so no reference can be steered to one of two candidates.
 */
final class IdIndex {

    private final Map<String, Element> byId = new HashMap<>();
    private final Set<String> duplicates = new HashSet<>();

    /** Indexes {@code element} (ignored when null) under its {@code wsu:Id} and its {@code Id}. */
    void add(Element element) {
        if (element == null) {
            return;
        }
        String wsuId = element.getAttributeNS(WssNames.WSU, "Id");
        String id = element.getAttributeNS(null, "Id");
        if (!wsuId.isEmpty()) {
            put(wsuId, element);
        }
        if (!id.isEmpty() && !id.equals(wsuId)) {
            put(id, element);
        }
    }

    /** True when {@code id} names more than one indexed element. */
    boolean isAmbiguous(String id) {
        return duplicates.contains(id);
    }

    /** The element with {@code id}, or null when none is indexed (or several are: check {@link #isAmbiguous}). */
    Element get(String id) {
        return byId.get(id);
    }

    private void put(String id, Element element) {
        Element earlier = byId.putIfAbsent(id, element);
        if (earlier != null && earlier != element) {
            duplicates.add(id);
        }
    }
}
