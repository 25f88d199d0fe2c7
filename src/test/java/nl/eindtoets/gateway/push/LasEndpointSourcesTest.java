package nl.eindtoets.gateway.push;

import static nl.eindtoets.gateway.push.DevOsr.endpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.mandate.OsrSimulator;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.Engine;
import nl.eindtoets.gateway.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The configured LAS endpoints as the result push gets them: the back office first, then the OSR (osr-sim). */
class LasEndpointSourcesTest {

    private static final String RK_99AA = "RK0000000000000099AA";
    private static final String RK_99AB = "RK0000000000000099AB";
    private static final Oin SCHOOL_99AA = Oin.ofSchool("99AA");
    private static final Oin SCHOOL_99AB = Oin.ofSchool("99AB");

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private final Clock clock = Clock.systemUTC();
    private OsrSimulator osr;
    private Database db;

    @BeforeEach
    void start() {
        osr = DevOsr.simulator(List.of(endpoint(RK_99AA, "99AA", "https://osr-named.example"),
                endpoint(RK_99AB, "99AB", "https://osr-named.example/b")));
        db = databases.fresh(Engine.H2);
    }

    @AfterEach
    void stop() {
        osr.close();
    }

    private LasEndpoints sources(String register) {
        return LasEndpointSources.fromConfig(GatewayConfig.defaults(Map.of(
                "mandate.register", register, "osr.base-url", osr.baseUrl().toString())), db, clock);
    }

    @Test
    void withTheOsrRegisterABackOfficeEndpointOverridesTheOsrsWithoutAskingIt() {
        new ConfiguredLasEndpoints(db, clock).put(RK_99AA, URI.create("https://override.example"));

        Optional<LasEndpoint> found = sources("osr").find(RK_99AA, SCHOOL_99AA);

        assertThat(found).contains(new LasEndpoint(RK_99AA, URI.create("https://override.example"), "backoffice"));
        assertThat(osr.endpointRequestCount()).isZero();
    }

    @Test
    void withTheOsrRegisterARoutingIdWithoutBackOfficeEndpointIsLookedUpInTheOsr() {
        new ConfiguredLasEndpoints(db, clock).put(RK_99AA, URI.create("https://override.example"));

        Optional<LasEndpoint> found = sources("osr").find(RK_99AB, SCHOOL_99AB);

        assertThat(found).contains(new LasEndpoint(RK_99AB, URI.create("https://osr-named.example/b"), "osr"));
    }

    @Test
    void removingTheOverrideLetsTheOsrsEndpointApplyAgain() {
        ConfiguredLasEndpoints configured = new ConfiguredLasEndpoints(db, clock);
        configured.put(RK_99AA, URI.create("https://override.example"));
        LasEndpoints sources = sources("osr");
        assertThat(sources.find(RK_99AA, SCHOOL_99AA)).map(LasEndpoint::source).contains("backoffice");

        configured.remove(RK_99AA);

        assertThat(sources.find(RK_99AA, SCHOOL_99AA)).map(LasEndpoint::baseUrl)
                .contains(URI.create("https://osr-named.example"));
    }

    @Test
    void withTheEmbeddedRegisterOnlyTheBackOfficeIsAskedNeverTheOsr() {
        new ConfiguredLasEndpoints(db, clock).put(RK_99AA, URI.create("https://override.example"));
        LasEndpoints sources = sources("embedded");

        assertThat(sources.find(RK_99AA, SCHOOL_99AA)).map(LasEndpoint::source).contains("backoffice");
        assertThat(sources.find(RK_99AB, SCHOOL_99AB)).isEmpty();
        assertThat(osr.endpointRequestCount()).isZero();
    }

    @Test
    void anOsrThatCannotAnswerMakesTheLookupUnavailable() {
        LasEndpoints sources = sources("osr");
        osr.stop();

        assertThatThrownBy(() -> sources.find(RK_99AB, SCHOOL_99AB))
                .isInstanceOf(LasEndpointsUnavailableException.class);
    }

    @Test
    void anUnreadableBackOfficeTableMakesTheLookupUnavailableRatherThanFallingThroughToTheOsr() {
        db = databases.unreachable(Engine.H2);

        assertThatThrownBy(() -> sources("osr").find(RK_99AA, SCHOOL_99AA))
                .isInstanceOf(LasEndpointsUnavailableException.class);
        assertThat(osr.endpointRequestCount()).isZero();
    }
}
