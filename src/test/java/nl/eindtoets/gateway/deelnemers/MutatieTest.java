package nl.eindtoets.gateway.deelnemers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A mutatielevering on the current list: adds and changes, never deletes; one pupil stays one pupil. */
class MutatieTest {

    private static final School SCHOOL = new School("2026-2027", "99AA", "00", OffsetDateTime.parse("2026-12-01T08:00:00Z"),
            "Doorstroomtoetsketen_v1.1");
    private static final String ECKID_A = "https://ketenid.nl/201703/" + "a".repeat(128);
    private static final String ECKID_B = "https://ketenid.nl/201703/" + "b".repeat(128);

    private static Leerling pupil(String key, String eckid, String achternaam) {
        return new Leerling(key, eckid, achternaam, null, "K", "Kim", LocalDate.of(2015, 4, 1), 2, "8", "g8");
    }

    private static Deelnemerslijst delivered(List<Groep> groepen, Leerling... pupils) {
        return new Deelnemerslijst(SCHOOL, groepen, List.of(pupils));
    }

    @Test
    void keepsPupilsTheDeliveryDoesNotName() {
        Deelnemerslijst merged = Mutatie.apply(List.of(), List.of(pupil("k1", null, "Jansen")),
                delivered(List.of(), pupil("k2", null, "Visser")));

        assertThat(merged.leerlingen()).extracting(Leerling::achternaam).containsExactly("Jansen", "Visser");
    }

    @Test
    void replacesThePupilWithTheSameEckidEvenUnderAnotherLasKey() {
        Deelnemerslijst merged = Mutatie.apply(List.of(), List.of(pupil("k1", ECKID_A, "Jansen")),
                delivered(List.of(), pupil("k-new", ECKID_A, "Jansen-Smit")));

        assertThat(merged.leerlingen()).extracting(Leerling::key).containsExactly("k-new");
    }

    @Test
    void replacesThePupilWithTheSameLasKeyWhenOneOfThemHasNoEckid() {
        Deelnemerslijst merged = Mutatie.apply(List.of(), List.of(pupil("k1", null, "Jansen")),
                delivered(List.of(), pupil("k1", ECKID_A, "Jansen")));

        assertThat(merged.leerlingen()).containsExactly(pupil("k1", ECKID_A, "Jansen"));
    }

    @Test
    void addsAPupilWhoseLasKeyIsKnownButWhoseEckidDiffers() {
        Deelnemerslijst merged = Mutatie.apply(List.of(), List.of(pupil("k1", ECKID_A, "Jansen")),
                delivered(List.of(), pupil("k1", ECKID_B, "Visser")));

        assertThat(merged.leerlingen()).hasSize(2);
    }

    @Test
    void replacesGroupsByKeyAndKeepsTheOthers() {
        Deelnemerslijst merged = Mutatie.apply(List.of(new Groep("g7", "7a", "7"), new Groep("g8", "8a", "8")),
                List.of(), delivered(List.of(new Groep("g8", "8b", "8"))));

        assertThat(merged.groepen()).containsExactly(new Groep("g7", "7a", "7"), new Groep("g8", "8b", "8"));
    }
}
