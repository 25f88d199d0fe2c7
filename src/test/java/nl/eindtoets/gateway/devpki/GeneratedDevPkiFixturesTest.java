package nl.eindtoets.gateway.devpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fresh run of the generator keeps every promise the committed fixtures keep, in the same layout. */
class GeneratedDevPkiFixturesTest extends DevPkiFixtureContract {

    @TempDir
    static Path output;

    private static List<Path> reported;

    @BeforeAll
    static void generate() throws IOException {
        reported = new DevPkiGenerator().generate(output);
    }

    @Override
    Path directory() {
        return output;
    }

    @Test
    void generatorReportsEveryFileItWrote() throws IOException {
        assertThat(reported).containsExactlyInAnyOrderElementsOf(filesUnder(output));
    }

    @Test
    void generatorWritesTheCommittedLayout() throws IOException {
        assertThat(filesUnder(output)).containsExactlyInAnyOrderElementsOf(filesUnder(Path.of("certs-dev")));
    }

    @Test
    void generatorWritesTheCommittedReadme() throws IOException {
        assertThat(Files.readString(output.resolve("README.md")))
                .isEqualTo(Files.readString(Path.of("certs-dev/README.md")));
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).toList();
        }
    }
}
