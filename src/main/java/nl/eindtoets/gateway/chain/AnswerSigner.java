package nl.eindtoets.gateway.chain;

import nl.eindtoets.gateway.request.VerifiedSignature;
import org.w3c.dom.Document;

/** Signs an answer envelope in place, confirming the request's signature. */
@FunctionalInterface
public interface AnswerSigner {

    void sign(Document envelope, VerifiedSignature request) throws Exception;
}
