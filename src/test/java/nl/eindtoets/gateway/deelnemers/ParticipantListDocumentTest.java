package nl.eindtoets.gateway.deelnemers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParticipantListDocumentTest {

    private static final List<Groep> GROEPEN = List.of(new Groep("g8a", "Groep 8a", "8"), new Groep("g7b", null, null));
    private static final List<Leerling> LEERLINGEN = List.of(
            new Leerling("l-1", "https://ketenid.nl/201703/0123456789abcdef", "Jansen", "van", "J", "Jan",
                    LocalDate.of(2014, 5, 1), 1, "8", "g8a"),
            new Leerling("l-2", null, "Ĳzerman-Ørsted \"de\" <Jong>", null, null, "Zoë", null, null, "7", "g7b"));

    @Test
    void readsBackTheGroupsAndPupilsItWroteInTheirOrderWithAbsentFieldsAbsent() {
        String document = ParticipantListDocument.write(GROEPEN, LEERLINGEN);

        ParticipantListDocument.Contents read = ParticipantListDocument.read(document);

        assertThat(read.groepen()).containsExactlyElementsOf(GROEPEN);
        assertThat(read.leerlingen()).containsExactlyElementsOf(LEERLINGEN);
        assertThat(document).contains("\"geboortedatum\":\"2014-05-01\"").doesNotContain("null");
    }

    @Test
    void anEmptyListIsADocumentToo() {
        ParticipantListDocument.Contents read = ParticipantListDocument.read(
                ParticipantListDocument.write(List.of(), List.of()));

        assertThat(read.groepen()).isEmpty();
        assertThat(read.leerlingen()).isEmpty();
    }

    @Test
    void aDocumentWithAFieldItDoesNotKnowIsRefusedRatherThanHalfRead() {
        assertThatThrownBy(() -> ParticipantListDocument.read("{\"groepen\":[],\"leerlingen\":[{\"key\":\"l-1\","
                + "\"bsn\":\"123456782\"}]}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unreadable");
    }
}
