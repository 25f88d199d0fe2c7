package nl.eindtoets.gateway.client;

/** What a gateway answer turned out to be once checked: a verified response, or a SOAP fault. */
public sealed interface GatewayResponse permits VerifiedResponse, SoapFaultInfo {
}
