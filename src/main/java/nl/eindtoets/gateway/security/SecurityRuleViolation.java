package nl.eindtoets.gateway.security;

import javax.xml.namespace.QName;
import org.apache.cxf.interceptor.Fault;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * A WS-Security rule of the 2W-be-S profile that the gateway enforces on top of WSS4J (coverage, token form,
 * lifetime, replay). Carries the WS-Security fault code to answer with; the reason is for the log only.
 */
public final class SecurityRuleViolation extends Fault {

    private final transient WSSecurityException.ErrorCode code;

    public SecurityRuleViolation(WSSecurityException.ErrorCode code, String reason) {
        super(new IllegalStateException(reason));
        this.code = code;
    }

    public QName faultCode() {
        return code.getQName();
    }

    public String reason() {
        return getCause().getMessage();
    }
}
