package nl.eindtoets.gateway.rapport;

import static nl.eindtoets.gateway.rapport.Rapporten.text;
import static nl.eindtoets.gateway.rapport.Rapporten.withName;
import static nl.eindtoets.gateway.rapport.Rapporten.zoe;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class LeerlingrapportPdfTest {

    private final LeerlingrapportPdf pdf = new LeerlingrapportPdf();

    @Test
    void isAPdfDocumentThatOpensWithOnePage() throws IOException {
        byte[] bytes = pdf.render(zoe());

        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void namesThePupilWithHerDiacritics() {
        assertThat(text(pdf.render(zoe()))).contains("Zoë Renée van IJsseldijk-Hoëvenaar");
    }

    @Test
    void namesTheSchoolAndItsBrin() {
        assertThat(text(pdf.render(zoe()))).contains("Basisschool De Eikenhorst (BRIN 99AA)");
    }

    @Test
    void namesTheGroup() {
        assertThat(text(pdf.render(zoe()))).contains("Groep 8b");
    }

    @Test
    void namesTheTestAndTheDateItWasTakenInDutch() {
        String text = text(pdf.render(zoe()));

        assertThat(text).contains("Eindtoets PO 2027 (EINDTOETS-2027)").contains("20 april 2027");
    }

    @Test
    void showsTheTotalScore() {
        assertThat(text(pdf.render(zoe()))).containsPattern("Totaalscore\\s+84");
    }

    @Test
    void showsTheReferenceLevelOfEveryPart() {
        String text = text(pdf.render(zoe()));

        assertThat(text).containsPattern("Rekenen\\s+1S").containsPattern("Taalverzorging\\s+2F")
                .containsPattern("Lezen\\s+1F");
    }

    @Test
    void showsTheAdvice() {
        assertThat(text(pdf.render(zoe()))).containsPattern("Toetsadvies\\s+havo/vwo");
    }

    @Test
    void writesALetterOutsideWinAnsiAsItsBaseLetters() {
        byte[] bytes = pdf.render(withName("Łucja", null, "Dąbrowska-Şahin \u0133sselstein"));

        assertThat(text(bytes)).contains("Lucja Dabrowska-Sahin ijsselstein");
    }

    @Test
    void writesAScriptWithoutLatinFormAsQuestionMarksInsteadOfFailing() {
        byte[] bytes = pdf.render(withName("Анна", null, "Jansen"));

        assertThat(text(bytes)).contains("???? Jansen");
    }

    @Test
    void writesLineBreaksAndTabsInANameAsSpaces() {
        assertThat(text(pdf.render(withName("Sanne\tMarie", "de", "Vries\nBakker")))).contains("Sanne Marie de Vries Bakker");
    }

    @Test
    void saysSoWhenNoAdviceOrLevelsAreKnownYet() {
        Leerlingrapport z = zoe();
        Leerlingrapport early = new Leerlingrapport(null, "99AB", z.roepnaam(), null, z.achternaam(), null,
                "EINDTOETS-2027", null, LocalDate.of(2027, 4, 20), 61, List.of(), null);

        String text = text(pdf.render(early));

        assertThat(text).contains("BRIN 99AB").contains("Geen referentieniveaus vastgesteld.")
                .containsPattern("Toetsadvies\\s+nog niet vastgesteld").doesNotContain("null");
    }

    @Test
    void wrapsALongSchoolNameInsteadOfCuttingItOff() {
        Leerlingrapport z = zoe();
        String longName = "Stichting voor Katholiek Primair Onderwijs Openbare Samenwerkingsbasisschool De Regenboog"
                + " locatie Noorderhaven";
        Leerlingrapport rapport = new Leerlingrapport(longName, "99AA", z.roepnaam(), z.voorvoegsel(), z.achternaam(),
                z.groep(), z.toetscode(), z.toetsnaam(), z.afnamedatum(), z.score(), z.referentieniveaus(),
                z.toetsadvies());

        String text = text(pdf.render(rapport)).replaceAll("\\s+", " ");

        assertThat(text).contains(longName + " (BRIN 99AA)");
    }
}
