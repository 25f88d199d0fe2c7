package nl.eindtoets.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.eindtoets.gateway.chain.SoapChain;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.request.Oin;
import org.apache.cxf.interceptor.StaxInInterceptor;
import org.apache.cxf.ws.addressing.soap.MAPCodec;
import org.junit.jupiter.api.Test;

/**
 * The order in which a request meets the chain is the one {@link SoapChain#STEPS} declares, as CXF resolved it in
 * the running endpoint (not as the code that builds it suggests).
 */
class ChainOrderTest {

    private final RunningGateway gateway = RunningGateway.shared();

    @Test
    void theRunningChainMeetsTheStepsInTheDeclaredOrder() throws Exception {
        assertThat(sendAndObserve(Operation.BRENG_DEELNEMERS, "deelnemers-99AA"))
                .filteredOn(id -> id.startsWith(SoapChain.ID_PREFIX))
                .containsExactlyElementsOf(SoapChain.STEPS.stream().map(s -> SoapChain.ID_PREFIX + s).toList());
    }

    @Test
    void bothOperationsHaveTheSameChain() throws Exception {
        List<String> deelnemers = ours(sendAndObserve(Operation.BRENG_DEELNEMERS, "deelnemers-99AA"));
        List<String> leerresultaten = ours(sendAndObserve(Operation.HAAL_LEERRESULTATEN, "leerresultaten-99AA"));

        assertThat(leerresultaten).isEqualTo(deelnemers);
    }

    @Test
    void parsingFollowsTheHardenedReaderAndTheStagesFollowAddressingDecoding() throws Exception {
        List<String> chain = sendAndObserve(Operation.BRENG_DEELNEMERS, "deelnemers-99AA");

        assertThat(chain.indexOf(StaxInInterceptor.class.getName()))
                .isNotNegative().isLessThan(chain.indexOf(SoapChain.ID_PREFIX + "parse"));
        assertThat(chain.indexOf(MAPCodec.class.getName()))
                .isNotNegative().isLessThan(chain.indexOf(SoapChain.ID_PREFIX + "envelope-structure"));
    }

    private List<String> sendAndObserve(Operation operation, String sample) throws Exception {
        var response = gateway.client("las-a").send(operation, Oin.ofSchool("99AA"), Samples.body(sample));
        assertThat(response).isInstanceOf(VerifiedResponse.class);
        return gateway.handlers().lastResolvedChain();
    }

    private static List<String> ours(List<String> chain) {
        return chain.stream().filter(id -> id.startsWith(SoapChain.ID_PREFIX)).toList();
    }
}
