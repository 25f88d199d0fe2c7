package nl.eindtoets.gateway.envelope;

import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Stage;

/**
 * The envelope-structure stage: refuses an envelope in which {@link EnvelopeStructureReader} found an Envelope,
 * Header or Body out of its place (signature wrapping), with {@code wsse:FailedCheck}. It runs first among the stages
 * on the parsed request, before anything reads the tree, and after the WS-Addressing headers have been read for the
 * fault's RelatesTo.
 */
public final class EnvelopeStructure implements Stage {

    @Override
    public void apply(GatewayRequest request) {
        String misplaced = request.document().misplaced();
        if (misplaced != null) {
            throw EnvelopeStructureReader.refusalOf(misplaced);
        }
    }
}
