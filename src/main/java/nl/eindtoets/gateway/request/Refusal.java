package nl.eindtoets.gateway.request;

import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * Why a request is not answered normally: the one shape in which every stage reports a failure. Each kind knows what
 * the peer is told (faultcode, Dutch text without personal data, Digikoppeling number, HTTP status) and whether the
 * fault may be signed; the reason is for the log only. Transport-neutral: the SOAP front door renders it as a fault,
 * another front door can render the same refusal its own way.
 */
public sealed interface Refusal {

    String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    String WSA = "http://www.w3.org/2005/08/addressing";

    /** The SOAP 1.1 faultcode. */
    QName faultCode();

    /** The Dutch faultstring; never personal data. */
    String text();

    /** The Digikoppeling fault number, or null when none applies. */
    String digikoppelingCode();

    int httpStatus();

    /**
     * Whether the fault is signed when the request passed WS-Security. Refusals by WS-Security itself never are:
     * there is no verified peer to answer and no signature to confirm.
     */
    boolean signable();

    /** What the log says about it (may name internals; never sent to the peer). */
    String logReason();

    /** Refused for something the sender did, or an error on this side. */
    default Outcome outcome() {
        return Outcome.REFUSED;
    }

    /** The local name of the faultcode, as the audit record and the metrics name it. */
    default String codeName() {
        return faultCode().getLocalPart();
    }

    /** A rule of the contract (identity, mandate, profile, registration, availability), by its {@link FaultCode}. */
    record Contract(FaultCode code, String digikoppelingCode, String text, String logReason) implements Refusal {
        public Contract {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(text, "text");
        }

        public Contract(FaultCode code) {
            this(code, code.digikoppelingCode(), code.text(), code.text());
        }

        @Override
        public QName faultCode() {
            return new QName(SOAP_ENV, code.soapLocalName());
        }

        @Override
        public int httpStatus() {
            return code == FaultCode.TIJDELIJK_NIET_BESCHIKBAAR ? 503 : 500;
        }

        @Override
        public boolean signable() {
            return true;
        }

        @Override
        public Outcome outcome() {
            return code == FaultCode.TIJDELIJK_NIET_BESCHIKBAAR || code == FaultCode.INTERNE_FOUT
                    ? Outcome.ERROR : Outcome.REFUSED;
        }
    }

    /** A WS-Security failure; the text names only the class of check, so the gateway is no oracle. */
    record Security(SecurityCheck check, String logReason) implements Refusal {
        public Security {
            Objects.requireNonNull(check, "check");
        }

        @Override
        public QName faultCode() {
            return new QName(WSSE, check.localName());
        }

        @Override
        public String text() {
            return check.text();
        }

        @Override
        public String digikoppelingCode() {
            return "0002";
        }

        @Override
        public int httpStatus() {
            return 500;
        }

        @Override
        public boolean signable() {
            return false;
        }
    }

    /** The WS-Security fault codes, each with its fixed text. */
    enum SecurityCheck {
        INVALID_SECURITY("InvalidSecurity", "De WS-Security-header voldoet niet aan het profiel 2W-be-S."),
        FAILED_CHECK("FailedCheck", "De ondertekening van het bericht is ongeldig of dekt niet alle verplichte onderdelen."),
        FAILED_AUTHENTICATION("FailedAuthentication", "Het certificaat van de ondertekenaar wordt niet vertrouwd."),
        MESSAGE_EXPIRED("MessageExpired", "De Timestamp van het bericht is verlopen of ligt in de toekomst."),
        SECURITY_TOKEN_UNAVAILABLE("SecurityTokenUnavailable", "Het beveiligingstoken van de ondertekenaar ontbreekt.");

        private static final Map<String, SecurityCheck> BY_NAME = Map.of(
                "InvalidSecurity", INVALID_SECURITY, "FailedCheck", FAILED_CHECK,
                "FailedAuthentication", FAILED_AUTHENTICATION, "MessageExpired", MESSAGE_EXPIRED,
                "SecurityTokenUnavailable", SECURITY_TOKEN_UNAVAILABLE);

        private final String localName;
        private final String text;

        SecurityCheck(String localName, String text) {
            this.localName = localName;
            this.text = text;
        }

        public String localName() {
            return localName;
        }

        public String text() {
            return text;
        }

        /** The check of a WS-Security faultcode; any code outside the five is answered as InvalidSecurity. */
        public static SecurityCheck of(QName faultCode) {
            SecurityCheck check = faultCode != null && WSSE.equals(faultCode.getNamespaceURI())
                    ? BY_NAME.get(faultCode.getLocalPart()) : null;
            return check == null ? INVALID_SECURITY : check;
        }
    }

    /** A WS-Addressing rule broken, with the WS-Addressing fault code. */
    record Addressing(AddressingFault fault, String digikoppelingCode, String text) implements Refusal {
        public Addressing {
            Objects.requireNonNull(fault, "fault");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public QName faultCode() {
            return new QName(WSA, fault.localName());
        }

        @Override
        public int httpStatus() {
            return 500;
        }

        @Override
        public boolean signable() {
            return true;
        }

        @Override
        public String logReason() {
            return text;
        }
    }

    /** The WS-Addressing fault codes the gateway answers with. */
    enum AddressingFault {
        HEADER_REQUIRED("MessageAddressingHeaderRequired"),
        INVALID_HEADER("InvalidAddressingHeader"),
        ACTION_NOT_SUPPORTED("ActionNotSupported"),
        ACTION_MISMATCH("ActionMismatch");

        private final String localName;

        AddressingFault(String localName) {
            this.localName = localName;
        }

        public String localName() {
            return localName;
        }
    }

    /**
     * The message itself is not one the gateway can read: not well-formed, not a SOAP 1.1 envelope, too large, or
     * not a POST. Answered as {@code Client.OngeldigBericht} with 0001 and the HTTP status given.
     */
    record Unreadable(String text, int httpStatus, String logReason) implements Refusal {
        public Unreadable {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public QName faultCode() {
            return new QName(SOAP_ENV, FaultCode.ONGELDIG_BERICHT.soapLocalName());
        }

        @Override
        public String digikoppelingCode() {
            return "0001";
        }

        @Override
        public boolean signable() {
            return false;
        }
    }

    /** A SOAP 1.2 (or other) envelope: {@code VersionMismatch}. */
    record VersionMismatch(String logReason) implements Refusal {
        @Override
        public QName faultCode() {
            return new QName(SOAP_ENV, "VersionMismatch");
        }

        @Override
        public String text() {
            return "Alleen SOAP 1.1-berichten worden ondersteund.";
        }

        @Override
        public String digikoppelingCode() {
            return "0001";
        }

        @Override
        public int httpStatus() {
            return 500;
        }

        @Override
        public boolean signable() {
            return false;
        }
    }

    /** Anything unexpected: {@code Server.InterneFout}, details only in the log. */
    record Internal(String logReason) implements Refusal {
        @Override
        public QName faultCode() {
            return new QName(SOAP_ENV, FaultCode.INTERNE_FOUT.soapLocalName());
        }

        @Override
        public String text() {
            return FaultCode.INTERNE_FOUT.text();
        }

        @Override
        public String digikoppelingCode() {
            return null;
        }

        @Override
        public int httpStatus() {
            return 500;
        }

        @Override
        public boolean signable() {
            return true;
        }

        @Override
        public Outcome outcome() {
            return Outcome.ERROR;
        }
    }
}
