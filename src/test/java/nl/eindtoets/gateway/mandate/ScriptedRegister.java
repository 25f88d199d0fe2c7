package nl.eindtoets.gateway.mandate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import nl.eindtoets.gateway.mandate.MandateDecision.Source;

/**
 * An upstream register whose answers the test decides, counting the calls it gets: the cache is specified against
 * it. (The OSR path is specified against the real simulator in OsrMandateRegisterTest.)
 */
final class ScriptedRegister implements MandateRegister {

    final AtomicInteger calls = new AtomicInteger();
    volatile Function<MandateQuery, MandateAnswer> answer;
    volatile CountDownLatch gate;

    ScriptedRegister(Function<MandateQuery, MandateAnswer> answer) {
        this.answer = answer;
    }

    static MandateAnswer unavailable(MandateQuery q) {
        throw new MandateRegisterUnavailableException("scripted outage");
    }

    @Override
    public MandateAnswer lookup(MandateQuery query) {
        calls.incrementAndGet();
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return answer.apply(query);
    }

    @Override
    public Source source() {
        return Source.OSR;
    }
}
