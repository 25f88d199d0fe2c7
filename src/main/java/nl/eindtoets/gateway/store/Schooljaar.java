package nl.eindtoets.gateway.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A school year written {@code 2026-2027}: two four-digit years, the second one after the first. */
public final class Schooljaar {

    private static final Pattern FORMAT = Pattern.compile("([12]\\d{3})-([12]\\d{3})");

    private Schooljaar() {
    }

    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        Matcher m = FORMAT.matcher(text);
        return m.matches() && Integer.parseInt(m.group(2)) == Integer.parseInt(m.group(1)) + 1;
    }
}
