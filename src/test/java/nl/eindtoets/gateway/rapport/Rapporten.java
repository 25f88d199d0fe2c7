package nl.eindtoets.gateway.rapport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import nl.eindtoets.gateway.rapport.Leerlingrapport.Referentieniveau;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reports of invented pupils for tests, and the text of a rendered report as a reader would extract it. */
final class Rapporten {

    private Rapporten() {
    }

    /** Zoë Renée van IJsseldijk-Hoëvenaar of 99AA: diacritics in every part of her name. */
    static Leerlingrapport zoe() {
        return new Leerlingrapport("Basisschool De Eikenhorst", "99AA", "Zoë Renée", "van", "IJsseldijk-Hoëvenaar",
                "Groep 8b", "EINDTOETS-2027", "Eindtoets PO 2027", LocalDate.of(2027, 4, 20), 84,
                List.of(new Referentieniveau("REKENEN", "Rekenen", "1S"),
                        new Referentieniveau("TAALVERZORGING", "Taalverzorging", "2F"),
                        new Referentieniveau("LEZEN", "Lezen", "1F")),
                "havo/vwo");
    }

    static Leerlingrapport withName(String roepnaam, String voorvoegsel, String achternaam) {
        Leerlingrapport z = zoe();
        return new Leerlingrapport(z.schoolnaam(), z.brincode(), roepnaam, voorvoegsel, achternaam, z.groep(),
                z.toetscode(), z.toetsnaam(), z.afnamedatum(), z.score(), z.referentieniveaus(), z.toetsadvies());
    }

    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
