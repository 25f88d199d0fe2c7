package nl.eindtoets.gateway.request;

/**
 * The functional fault codes of the wire contract (README, "Faults"). Each has a SOAP 1.1 faultcode local name (in the
 * envelope namespace), a default Digikoppeling fault number and a Dutch text for {@code faultstring} that never
 * contains personal data. WS-Security and WS-Addressing faults use their own namespaces; see {@link Refusal}.
 */
public enum FaultCode {
    AUTORISATIE_ONGELDIG("Client.AutorisatieOngeldig", "0002", "Afzender is niet geautoriseerd voor deze school."),
    ONGELDIG_BERICHT("Client.OngeldigBericht", "0004", "Het bericht is ongeldig."),
    XSD_VERSIE_ONGELDIG("Client.XsdVersieOngeldig", null, "De xsdversie wordt niet ondersteund."),
    SCHOOL_ONBEKEND("Client.SchoolOnbekend", null, "De school is niet aangemeld bij de toetsleverancier voor dit schooljaar."),
    INSCHRIJVING_GESLOTEN("Client.InschrijvingGesloten", null, "De inschrijving voor deze school is gesloten."),
    TIJDELIJK_NIET_BESCHIKBAAR("Server.TijdelijkNietBeschikbaar", "0051", "De dienst is tijdelijk niet beschikbaar; probeer het later opnieuw."),
    INTERNE_FOUT("Server.InterneFout", null, "Er is een interne fout opgetreden.");

    private final String soapLocalName;
    private final String digikoppelingCode;
    private final String text;

    FaultCode(String soapLocalName, String digikoppelingCode, String text) {
        this.soapLocalName = soapLocalName;
        this.digikoppelingCode = digikoppelingCode;
        this.text = text;
    }

    /** Local part of the faultcode QName, e.g. {@code Client.AutorisatieOngeldig}. */
    public String soapLocalName() {
        return soapLocalName;
    }

    /** Default Digikoppeling fault number, or null when none applies. */
    public String digikoppelingCode() {
        return digikoppelingCode;
    }

    /** Default Dutch faultstring. */
    public String text() {
        return text;
    }
}
