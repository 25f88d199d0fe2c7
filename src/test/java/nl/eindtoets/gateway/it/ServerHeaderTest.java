package nl.eindtoets.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** No answer names the server software or its version, whichever part of the gateway writes it (CXF, the REST
 * front door, Jetty's own error page). */
class ServerHeaderTest {

    private final RunningGateway gateway = RunningGateway.shared();

    @Test
    void theSoapEndpointsContractAnswerNamesNoServer() throws Exception {
        HttpResponse<String> wsdl = RestLas.as(gateway, "las-a").get("/eindtoets/deelnemers?wsdl");

        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.headers().map()).doesNotContainKeys("server", "x-powered-by");
    }

    @Test
    void theRestFrontDoorsAnswerNamesNoServer() throws Exception {
        HttpResponse<String> openapi = RestLas.as(gateway, "las-a").get("/doorstroomtoets/openapi.yaml");

        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.headers().map()).doesNotContainKeys("server", "x-powered-by");
    }

    @Test
    void anAnswerForAnUnknownPathNamesNoServer() throws Exception {
        HttpResponse<String> unknown = RestLas.as(gateway, "las-a").get("/no-such-path");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().map()).doesNotContainKeys("server", "x-powered-by");
        assertThat(unknown.body()).doesNotContainIgnoringCase("jetty");
    }
}
