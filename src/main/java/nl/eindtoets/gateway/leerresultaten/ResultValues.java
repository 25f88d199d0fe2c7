package nl.eindtoets.gateway.leerresultaten;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The values a result may carry beside its score (the {@code Referentieniveau} and {@code Toetsadvies} of a
 * Leerlingresultaat), checked the same way wherever they enter the store.
 */
public final class ResultValues {

    /**
     * The reference levels a primary school test reports: 1F (fundamental) for language and arithmetic, 2F (target)
     * for language, 1S (target) for arithmetic. A part on which no level was reached has none.
     */
    public static final List<String> REFERENTIENIVEAUS = List.of("1F", "2F", "1S");

    /** Longest advice stored (column {@code result.toetsadvies}). */
    public static final int TOETSADVIES_MAX = 64;

    /**
     * Advice names are school types as a test gives them ({@code havo/vwo}, {@code vmbo-gt/havo},
     * {@code HAVO_TM_VWO}): letters, digits, spaces and a few separators, starting with a letter or digit. No control
     * characters, quotes or markup, since the text goes into the PDF report and the push to the LAS as it is.
     */
    private static final Pattern TOETSADVIES = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} /()+.,_-]{0,"
            + (TOETSADVIES_MAX - 1) + "}");

    private ResultValues() {
    }

    public static boolean isReferentieniveau(String text) {
        return REFERENTIENIVEAUS.contains(text);
    }

    public static boolean isToetsadvies(String text) {
        return text != null && TOETSADVIES.matcher(text).matches();
    }
}
