package nl.eindtoets.gateway.deelnemers;

import java.time.LocalDate;

/**
 * One participant. Only the fields the eindtoets needs: no BSN, address or full first names.
 *
 * @param key        the LAS-key ({@code @key})
 * @param eckid      the ECK-iD ({@code @eckid}), null when the pupil has none
 * @param geslacht   0 unknown, 1 boy, 2 girl, 9 not specified
 * @param jaargroep  7 or 8
 * @param groepKey   the stamgroep ({@code groep/@key})
 */
public record Leerling(String key, String eckid, String achternaam, String voorvoegsel, String voorletters,
                       String roepnaam, LocalDate geboortedatum, Integer geslacht, String jaargroep,
                       String groepKey) {

    /**
     * How stores that keep something per pupil (school advice, report ids) name the pupil: the ECK-iD when it has
     * one, else {@code LAS-key:<key>}.
     */
    public String ref() {
        return ref(eckid, key);
    }

    /** {@link #ref()} of a pupil known by its ECK-iD (null when none) and LAS-key only, as a stored result names it. */
    public static String ref(String eckid, String key) {
        return eckid != null ? eckid : "LAS-key:" + key;
    }
}
