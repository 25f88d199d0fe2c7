package nl.eindtoets.gateway.rapport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The PDF leerlingrapport that the LAS fetches with {@code GET /leerlingrapport/{rapportid}}. It uses the standard
 * Helvetica fonts, which every PDF reader has, so nothing is embedded and a report stays a few kilobytes. Thread-safe:
 * every call builds its own document.
 */
public final class LeerlingrapportPdf {

    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.forLanguageTag("nl-NL"));

    /** The report as PDF bytes. Writes nothing to the log: the report is personal data. */
    public byte[] render(Leerlingrapport rapport) {
        Objects.requireNonNull(rapport, "rapport");
        try (PDDocument document = new PDDocument()) {
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            describe(document);
            try (PageWriter page = new PageWriter(document)) {
                page.paragraph(bold, 20, "Leerlingrapport");
                page.paragraph(regular, 12, toets(rapport));
                page.space(14);
                page.field(bold, regular, 11, "School", school(rapport));
                page.field(bold, regular, 11, "Leerling", rapport.naam());
                page.field(bold, regular, 11, "Groep", orDash(rapport.groep()));
                page.field(bold, regular, 11, "Toets", toets(rapport));
                page.field(bold, regular, 11, "Afnamedatum", DATUM.format(rapport.afnamedatum()));
                page.space(10);
                page.field(bold, bold, 13, "Totaalscore", Integer.toString(rapport.score()));
                page.space(10);
                page.paragraph(bold, 13, "Referentieniveaus");
                if (rapport.referentieniveaus().isEmpty()) {
                    page.paragraph(regular, 11, "Geen referentieniveaus vastgesteld.");
                }
                for (Leerlingrapport.Referentieniveau r : rapport.referentieniveaus()) {
                    page.field(regular, regular, 11, r.onderdeel(), r.niveau());
                }
                page.space(10);
                page.field(bold, bold, 13, "Toetsadvies", rapport.toetsadvies() == null || rapport.toetsadvies().isBlank()
                        ? "nog niet vastgesteld" : rapport.toetsadvies());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            // Only in-memory streams are involved, so this is a programming error; the message names no pupil.
            throw new UncheckedIOException("could not write the leerlingrapport PDF", e);
        }
    }

    /** Metadata without personal data: the pupil's name is in the content only. */
    private static void describe(PDDocument document) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Leerlingrapport");
        info.setProducer("eindtoets-gateway");
        document.getDocumentCatalog().setLanguage("nl-NL");
    }

    private static String school(Leerlingrapport r) {
        return r.schoolnaam() == null || r.schoolnaam().isBlank()
                ? "BRIN " + r.brincode() : r.schoolnaam().strip() + " (BRIN " + r.brincode() + ")";
    }

    private static String toets(Leerlingrapport r) {
        return r.toetsnaam() == null || r.toetsnaam().isBlank()
                ? r.toetscode() : r.toetsnaam().strip() + " (" + r.toetscode() + ")";
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
