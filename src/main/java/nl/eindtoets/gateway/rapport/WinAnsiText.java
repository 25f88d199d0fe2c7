package nl.eindtoets.gateway.rapport;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Makes text writable in a standard font with WinAnsi encoding. WinAnsi covers Dutch (é, ë, ï, ü, ç) but not every
 * name a school sends: a letter outside it is written as its base letters (ĳ as ij, ą as a, Ł as L) rather than
 * failing the whole report; what has no Latin form becomes {@code ?}.
 */
final class WinAnsiText {

    /** Letters that Unicode does not decompose into a base letter plus marks. */
    private static final Map<Integer, String> BASE_LETTERS = Map.ofEntries(
            Map.entry((int) 'Ł', "L"), Map.entry((int) 'ł', "l"), Map.entry((int) 'Đ', "D"), Map.entry((int) 'đ', "d"),
            Map.entry((int) 'ı', "i"), Map.entry((int) 'Ħ', "H"), Map.entry((int) 'ħ', "h"), Map.entry((int) 'ŀ', "l"),
            Map.entry((int) 'Ŀ', "L"));

    private final PDFont font;

    WinAnsiText(PDFont font) {
        this.font = font;
    }

    /** {@code text} with every character the font cannot show replaced; white space of any kind as one space. */
    String fit(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (canShow(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(nearest(cp));
            }
        });
        return out.toString();
    }

    private String nearest(int cp) {
        String mapped = BASE_LETTERS.get(cp);
        if (mapped != null) {
            return mapped;
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder base = new StringBuilder();
        decomposed.codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .forEach(c -> {
                    if (canShow(c)) {
                        base.appendCodePoint(c);
                    }
                });
        return base.length() > 0 ? base.toString() : "?";
    }

    private boolean canShow(int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
