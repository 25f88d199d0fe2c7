package nl.eindtoets.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CertsDevCommandTest {

    @Test
    void certsDevSubcommandWritesTheDevelopmentPkiIntoTheChosenDirectory(@TempDir Path out) throws Exception {
        int exit = new CommandLine(new GatewayCommand()).execute("certs-dev", "--out", out.toString());

        assertThat(exit).isZero();
        KeyStore gateway = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(out.resolve("gateway.p12"))) {
            gateway.load(in, "changeit".toCharArray());
        }
        assertThat(Collections.list(gateway.aliases())).containsExactly("gateway");
        assertThat(out.resolve("truststore.p12")).isRegularFile();
        assertThat(out.resolve("crl/tsp.crl")).isRegularFile();
    }
}
