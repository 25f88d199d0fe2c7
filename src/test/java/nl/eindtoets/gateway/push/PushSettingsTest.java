package nl.eindtoets.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nl.eindtoets.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

/** The push.* keys: defaults that start, and a lease too short to cover one send refused at start. */
class PushSettingsTest {

    @Test
    void theDefaultsAreValidAndLinkReportsUnderThePublicRestPath() {
        PushSettings s = PushSettings.from(GatewayConfig.defaults(Map.of("server.public-url", "https://toets.example/")));

        assertThat(s.enabled()).isTrue();
        assertThat(s.reportUrl("abc")).isEqualTo("https://toets.example/doorstroomtoets/leerlingrapport/abc");
        assertThat(s.reportUrl(null)).isNull();
    }

    @Test
    void aLeaseNotLongerThanConnectPlusReadTimeoutIsRefused() {
        assertThatThrownBy(() -> PushSettings.from(GatewayConfig.defaults(Map.of("push.lease", "35s"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("push.lease");
    }
}
