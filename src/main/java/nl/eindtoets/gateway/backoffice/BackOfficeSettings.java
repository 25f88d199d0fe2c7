package nl.eindtoets.gateway.backoffice;

import java.net.InetAddress;
import java.net.UnknownHostException;
import nl.eindtoets.gateway.config.GatewayConfig;

/**
 * The back office API's listener ({@code backoffice.*} keys).
 *
 * @param token bearer token every API call must present
 */
public record BackOfficeSettings(boolean enabled, String host, int port, String token) {

    /** The token shipped in gateway-defaults.properties; acceptable on loopback only. */
    public static final String DEVELOPMENT_TOKEN = "dev-backoffice-token-change-me";

    public static BackOfficeSettings from(GatewayConfig config) {
        return new BackOfficeSettings(config.bool("backoffice.enabled"), config.string("backoffice.host"),
                config.integer("backoffice.port"), config.optional("backoffice.token"));
    }

    /** Refuses settings that would expose the back office: no token, or the development token off loopback. */
    public void validate() {
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("backoffice.token must be set");
        }
        if (DEVELOPMENT_TOKEN.equals(token) && !isLoopback()) {
            throw new IllegalStateException("the back office listens on " + host + ", which is not a loopback"
                    + " address, with the development token: set backoffice.token (EINDTOETS_BACKOFFICE_TOKEN) to a"
                    + " secret value or use backoffice.host=127.0.0.1");
        }
    }

    public boolean isLoopback() {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "BackOfficeSettings[enabled=" + enabled + ", host=" + host + ", port=" + port + "]";
    }
}
