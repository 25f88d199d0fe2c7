package nl.eindtoets.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.store.Engine;
import nl.eindtoets.gateway.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The back office's LAS endpoints in table las_endpoint, on H2 and PostgreSQL. */
class ConfiguredLasEndpointsTest {

    private static final String RK_99AA = "RK0000000000000099AA";
    private static final String RK_99AB = "RK0000000000000099AB";
    private static final Oin SCHOOL = Oin.ofSchool("99AA");

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);

    private ConfiguredLasEndpoints endpoints(Engine engine) {
        return new ConfiguredLasEndpoints(databases.fresh(engine), clock);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSetEndpointIsFoundWithSourceBackoffice(Engine engine) {
        ConfiguredLasEndpoints endpoints = endpoints(engine);

        endpoints.put(RK_99AA, URI.create("https://las-a.example/eindtoets"));

        assertThat(endpoints.find(RK_99AA, SCHOOL))
                .contains(new LasEndpoint(RK_99AA, URI.create("https://las-a.example/eindtoets"), "backoffice"));
        assertThat(endpoints.find(RK_99AB, SCHOOL)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void settingAgainReplacesTheUrl(Engine engine) {
        ConfiguredLasEndpoints endpoints = endpoints(engine);
        endpoints.put(RK_99AA, URI.create("https://old.example"));

        endpoints.put(RK_99AA, URI.create("https://new.example"));

        assertThat(endpoints.all()).extracting(LasEndpoint::baseUrl).containsExactly(URI.create("https://new.example"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void removeForgetsTheEndpointAndSaysWhetherThereWasOne(Engine engine) {
        ConfiguredLasEndpoints endpoints = endpoints(engine);
        endpoints.put(RK_99AA, URI.create("https://las-a.example"));

        assertThat(endpoints.remove(RK_99AA)).isTrue();
        assertThat(endpoints.remove(RK_99AA)).isFalse();
        assertThat(endpoints.find(RK_99AA, SCHOOL)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void allListsEveryEndpointByRoutingId(Engine engine) {
        ConfiguredLasEndpoints endpoints = endpoints(engine);
        endpoints.put(RK_99AB, URI.create("https://las-b.example"));
        endpoints.put(RK_99AA, URI.create("https://las-a.example"));

        assertThat(endpoints.all()).extracting(LasEndpoint::routingId).containsExactly(RK_99AA, RK_99AB);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RK99AA", "RK0000000000000099AA0", "RK00000000000000-9AA", ""})
    void refusesWhatIsNoRouteringskenmerk(String routingId) {
        ConfiguredLasEndpoints endpoints = endpoints(Engine.H2);

        assertThatThrownBy(() -> endpoints.put(routingId, URI.create("https://las-a.example")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("routeringskenmerk");
        assertThat(endpoints.all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://las-a.example", "/relative/path", "https://las-a.example/x?edu-to=1",
            "https://user@las-a.example", "https://las-a.example/#top"})
    void refusesAUrlThatIsNoPlainAbsoluteHttpsBaseUrl(String url) {
        ConfiguredLasEndpoints endpoints = endpoints(Engine.H2);

        assertThatThrownBy(() -> endpoints.put(RK_99AA, URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(endpoints.all()).isEmpty();
    }

    @Test
    void anUnreachableDatabaseMeansUnavailable() {
        ConfiguredLasEndpoints endpoints = new ConfiguredLasEndpoints(databases.unreachable(Engine.H2), clock);

        assertThatThrownBy(() -> endpoints.find(RK_99AA, SCHOOL)).isInstanceOf(LasEndpointsUnavailableException.class);
    }
}
