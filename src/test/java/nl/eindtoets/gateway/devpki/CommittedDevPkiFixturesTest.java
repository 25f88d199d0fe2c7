package nl.eindtoets.gateway.devpki;

import java.nio.file.Path;

/** The certs-dev/ files committed to the repository, which tests and the default configuration use. */
class CommittedDevPkiFixturesTest extends DevPkiFixtureContract {

    @Override
    Path directory() {
        return Path.of("certs-dev");
    }
}
