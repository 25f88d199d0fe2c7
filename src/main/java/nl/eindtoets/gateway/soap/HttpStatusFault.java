package nl.eindtoets.gateway.soap;

import org.apache.cxf.interceptor.Fault;

/** A refusal at the HTTP level (wrong method, declared size over the limit): answered with that status. */
public final class HttpStatusFault extends Fault {

    private final int status;
    private final String text;

    public HttpStatusFault(int status, String text) {
        super(new IllegalArgumentException(text));
        this.status = status;
        this.text = text;
        setStatusCode(status);
    }

    public int status() {
        return status;
    }

    public String text() {
        return text;
    }
}
