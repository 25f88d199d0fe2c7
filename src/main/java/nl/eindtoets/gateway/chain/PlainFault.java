package nl.eindtoets.gateway.chain;

import nl.eindtoets.gateway.request.Refusal;

/**
 * A refusal as a minimal SOAP 1.1 fault envelope, written as text: the faultcode in its own namespace, the Dutch
 * faultstring, and the {@code gw:foutdetail}. Used when the normal fault path failed; unsigned.
 */
final class PlainFault {

    private PlainFault() {
    }

    static String envelope(Refusal refusal, String correlationId) {
        String codeNamespace = refusal.faultCode().getNamespaceURI();
        StringBuilder xml = new StringBuilder(512)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<soap:Envelope xmlns:soap=\"").append(Refusal.SOAP_ENV).append("\">")
                .append("<soap:Body><soap:Fault>")
                .append("<faultcode xmlns:c=\"").append(escape(codeNamespace)).append("\">c:")
                .append(escape(refusal.faultCode().getLocalPart())).append("</faultcode>")
                .append("<faultstring xml:lang=\"nl\">").append(escape(refusal.text())).append("</faultstring>")
                .append("<detail><gw:foutdetail xmlns:gw=\"").append(FaultDetail.GW_NS).append("\">");
        if (refusal.digikoppelingCode() != null) {
            xml.append("<gw:digikoppelingcode>").append(escape(refusal.digikoppelingCode()))
                    .append("</gw:digikoppelingcode>");
        }
        return xml.append("<gw:correlatieid>").append(escape(correlationId)).append("</gw:correlatieid>")
                .append("</gw:foutdetail></detail></soap:Fault></soap:Body></soap:Envelope>")
                .toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
