package nl.eindtoets.gateway.lassim;

import static nl.eindtoets.gateway.lassim.Leerlingresultaten.ROUTERINGSKENMERK;
import static nl.eindtoets.gateway.lassim.Leerlingresultaten.SCHOOL_99AA;
import static nl.eindtoets.gateway.lassim.Leerlingresultaten.SUPPLIER_OIN;
import static nl.eindtoets.gateway.lassim.Leerlingresultaten.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceivedResultsTest {

    @TempDir
    Path dir;

    private static ReceivedResult result(int n) {
        return new ReceivedResult(Instant.parse("2027-05-12T10:00:00Z").plusSeconds(n), new Oin(SUPPLIER_OIN),
                ROUTERINGSKENMERK, SCHOOL_99AA, valid().put("auteur", "run " + n));
    }

    @Test
    void holdsTheNewestWithinItsCapacityAndCountsThemAll() {
        ReceivedResults results = new ReceivedResults(2, null);
        results.add(result(1));
        results.add(result(2));
        results.add(result(3));

        assertThat(results.all()).extracting(r -> r.body().path("auteur").asText()).containsExactly("run 2", "run 3");
        assertThat(results.total()).isEqualTo(3);
    }

    @Test
    void aResultThatCannotBeWrittenToTheDirectoryIsNotHeldEither() throws Exception {
        ReceivedResults results = new ReceivedResults(10, dir.resolve("store"));
        Files.delete(dir.resolve("store"));
        Files.writeString(dir.resolve("store"), "a file where the directory was");

        assertThatThrownBy(() -> results.add(result(1))).isInstanceOf(UncheckedIOException.class);
        assertThat(results.all()).isEmpty();
        assertThat(results.total()).isZero();
    }
}
