package nl.eindtoets.gateway.rapport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes lines of text top-down on A4 pages of one document, wrapping at the right margin and starting a new page at
 * the bottom one, so that no fact of the report can fall off the page.
 */
final class PageWriter implements AutoCloseable {

    private static final float MARGIN = 56f;
    private static final float LEADING = 1.45f;

    private final PDDocument document;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private PDPageContentStream stream;
    private float y;

    PageWriter(PDDocument document) throws IOException {
        this.document = document;
        newPage();
    }

    /** {@code text}, wrapped over as many lines as it needs. */
    void paragraph(PDFont font, float size, String text) throws IOException {
        for (String line : wrap(font, size, new WinAnsiText(font).fit(text), width)) {
            line(font, size, MARGIN, line);
        }
    }

    /** A label and its value in two columns; the value wraps within its column. */
    void field(PDFont labelFont, PDFont valueFont, float size, String label, String value) throws IOException {
        float column = 150f;
        List<String> lines = wrap(valueFont, size, new WinAnsiText(valueFont).fit(value), width - column);
        for (int i = 0; i < lines.size(); i++) {
            room(size);
            if (i == 0) {
                show(labelFont, size, MARGIN, new WinAnsiText(labelFont).fit(label));
            }
            show(valueFont, size, MARGIN + column, lines.get(i));
            y -= size * LEADING;
        }
    }

    /** Vertical space of {@code points}. */
    void space(float points) {
        y -= points;
    }

    private void line(PDFont font, float size, float x, String text) throws IOException {
        room(size);
        show(font, size, x, text);
        y -= size * LEADING;
    }

    private void show(PDFont font, float size, float x, String text) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y - size);
        stream.showText(text);
        stream.endText();
    }

    private void room(float size) throws IOException {
        if (y - size * LEADING < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    /** Greedy word wrap; a word longer than a line is cut. */
    static List<String> wrap(PDFont font, float size, String text, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (width(font, size, candidate) <= maxWidth) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (current.length() > 0) {
                lines.add(current.toString());
                current.setLength(0);
            }
            while (width(font, size, word) > maxWidth && word.length() > 1) {
                int cut = word.length() - 1;
                while (cut > 1 && width(font, size, word.substring(0, cut)) > maxWidth) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            current.append(word);
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
