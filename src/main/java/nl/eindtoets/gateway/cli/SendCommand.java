package nl.eindtoets.gateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.ResponseVerificationException;
import nl.eindtoets.gateway.client.SoapFaultInfo;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.xml.SecureXml;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Sends one signed 2W-be-S request the way a LAS would, and prints the verified answer or the fault. Exit codes:
 * 0 verified response, 1 SOAP fault, 2 the answer failed verification, 3 the request could not be made.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Build, sign and send a BrengDeelnemers or HaalLeerresultaten request over mutual TLS and "
                + "verify the signed answer.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:verified response", "1:SOAP fault from the gateway",
            "2:the answer failed verification", "3:the request could not be built or sent"})
public final class SendCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int FAULT = 1;
    static final int UNVERIFIED = 2;
    static final int NOT_SENT = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    LasRequestOptions request;

    @Mixin
    GatewayConnectionOptions connection;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GatewayResponse response;
        try {
            Operation op = request.operation();
            EindtoetsClient client = EindtoetsClient.create(connection.url, request.credentials(),
                    connection.trust(), connection.timeout());
            Document envelope = client.addressed(request.envelopeBuilder(op), op, request.schoolOin()).build();
            response = client.send(op, envelope);
        } catch (ResponseVerificationException e) {
            err.println("Response verification failed: " + e.getMessage());
            return UNVERIFIED;
        } catch (IOException | GeneralSecurityException | SAXException | WSSecurityException
                 | IllegalArgumentException | IllegalStateException e) {
            err.println("Request not sent: " + e.getMessage());
            return NOT_SENT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted");
            return NOT_SENT;
        }
        if (response instanceof SoapFaultInfo fault) {
            err.println("SOAP fault" + (fault.signed() ? " (signed, verified)" : " (unsigned)"));
            err.println("  faultcode:         " + fault.faultCodeDisplay());
            err.println("  faultstring:       " + fault.faultString());
            err.println("  digikoppelingcode: " + fault.digikoppelingCode());
            err.println("  correlatieid:      " + fault.correlationId());
            return FAULT;
        }
        VerifiedResponse verified = (VerifiedResponse) response;
        verified.checks().forEach(check -> err.println("ok: " + check));
        err.println("Action: " + verified.action());
        out.println(SecureXml.pretty(verified.payload()));
        out.flush();
        return OK;
    }
}
