#!/usr/bin/env python3
"""A Digikoppeling WUS 2W-be-S client for the eindtoets gateway on lxml and cryptography only.

No libxmlsec1: exclusive canonicalisation is libxml2's (through lxml), digests and RSA are cryptography's, mutual
TLS is the standard ssl module. The script

  * builds a request for BrengDeelnemers or HaalLeerresultaten, signs it as 2W-be-S (wsu:Timestamp, an X509v3
    BinarySecurityToken by direct reference, one ds:Signature with exclusive c14n, RSA-SHA256 and SHA-256 digests
    over Body, Timestamp, wsa:To, wsa:Action, wsa:MessageID and wsa:From) and POSTs it over mutual TLS;
  * verifies the gateway's signed answer: every reference's digest, the SignatureValue under the certificate of
    the answer's BinarySecurityToken, that certificate's chain to the dev root, the Timestamp, the coverage of Body,
    Timestamp, every WS-Addressing header and the SignatureConfirmation, the SignatureConfirmation Value and
    wsa:RelatesTo;
  * prints one JSON object on one line: what was sent, the HTTP status, the fault (if any) and the verification.

  python3 wus_lxml_client.py --gateway https://127.0.0.1:8443 --certs certs-dev \\
          --operation BrengDeelnemers --school 99AA --body samples/brengdeelnemers/99AA-happy.xml

--tamper-request changes the Body after signing (the gateway must refuse it), --tamper-answer changes the answer's
Body before it is verified (the verification must fail).
"""

import argparse
import base64
import datetime
import hashlib
import http.client
import json
import re
import ssl
import sys
import urllib.parse
import uuid
from pathlib import Path

import cryptography
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from lxml import etree

SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
WSA = "http://www.w3.org/2005/08/addressing"
WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
WSSE11 = "http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd"
WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
DS = "http://www.w3.org/2000/09/xmldsig#"
EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"
X509V3 = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3"
BASE64 = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary"
ANONYMOUS = "http://www.w3.org/2005/08/addressing/anonymous"
WSU_ID = "{%s}Id" % WSU

OPERATIONS = {
    "BrengDeelnemers": "/eindtoets/deelnemers",
    "HaalLeerresultaten": "/eindtoets/leerresultaten",
}
ACTION_PREFIX = "urn:eindtoets-gateway:1:"
GATEWAY_OIN = "00000099000000002000"
TIMESTAMP_TTL = datetime.timedelta(seconds=300)
CLOCK_SKEW = datetime.timedelta(seconds=60)
TRUSTED_CAS = ("root.crt", "domain.crt", "tsp.crt")  # not foreign-root.crt: that hierarchy is the untrusted one

# Never resolve entities, never fetch anything, never load a DTD.
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True)


class VerificationError(Exception):
    pass


def q(ns, local):
    return "{%s}%s" % (ns, local)


def c14n(element, prefixes=None):
    """Exclusive XML canonicalisation without comments of element and its subtree (libxml2 through lxml)."""
    return etree.tostring(element, method="c14n", exclusive=True, with_comments=False,
                          inclusive_ns_prefixes=prefixes or None)


def utc_now():
    return datetime.datetime.now(datetime.timezone.utc)


def xml_time(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def b64(data):
    return base64.b64encode(data).decode("ascii")


# ---------------------------------------------------------------------------------------------------- request

def build_request(operation, school, body_file, gateway_url, certificate):
    """An unsigned 2W-be-S envelope; returns (envelope, MessageID, the elements to sign, the BinarySecurityToken)."""
    if not re.fullmatch(r"[0-9]{2}[A-Z]{2}", school):
        raise ValueError("not a BRIN4: " + school)
    school_oin = "00000007000%s00000" % school
    envelope = etree.Element(q(SOAP, "Envelope"), nsmap={"soap": SOAP, "wsa": WSA, "wsse": WSSE, "wsu": WSU})
    header = etree.SubElement(envelope, q(SOAP, "Header"))
    security = etree.SubElement(header, q(WSSE, "Security"))
    security.set(q(SOAP, "mustUnderstand"), "1")

    created = utc_now()
    timestamp = etree.SubElement(security, q(WSU, "Timestamp"), {WSU_ID: "TS-" + str(uuid.uuid4())})
    etree.SubElement(timestamp, q(WSU, "Created")).text = xml_time(created)
    etree.SubElement(timestamp, q(WSU, "Expires")).text = xml_time(created + TIMESTAMP_TTL)

    token = etree.SubElement(security, q(WSSE, "BinarySecurityToken"),
                             {WSU_ID: "X509-" + str(uuid.uuid4()), "ValueType": X509V3, "EncodingType": BASE64})
    token.text = b64(certificate.public_bytes(serialization.Encoding.DER))

    message_id = "urn:uuid:" + str(uuid.uuid4())
    to = etree.SubElement(header, q(WSA, "To"))
    to.text = "%s%s?oin=%s" % (gateway_url, OPERATIONS[operation], GATEWAY_OIN)
    action = etree.SubElement(header, q(WSA, "Action"))
    action.text = ACTION_PREFIX + operation
    mid = etree.SubElement(header, q(WSA, "MessageID"))
    mid.text = message_id
    sender = etree.SubElement(header, q(WSA, "From"))
    etree.SubElement(sender, q(WSA, "Address")).text = "%s?oin=%s" % (ANONYMOUS, school_oin)

    body = etree.SubElement(envelope, q(SOAP, "Body"))
    body.append(etree.parse(str(body_file), PARSER).getroot())

    for element, prefix in ((to, "To"), (action, "Action"), (mid, "MessageID"), (sender, "From"), (body, "Body")):
        element.set(WSU_ID, "%s-%s" % (prefix, uuid.uuid4()))
    return envelope, message_id, [body, timestamp, to, action, mid, sender], token


def sign(signed_parts, token, private_key):
    """Adds the ds:Signature to the Security header of the token; returns the SignatureValue (base64)."""
    security = token.getparent()
    signature = etree.SubElement(security, q(DS, "Signature"), nsmap={"ds": DS})
    signed_info = etree.SubElement(signature, q(DS, "SignedInfo"))
    etree.SubElement(signed_info, q(DS, "CanonicalizationMethod"), Algorithm=EXC_C14N)
    etree.SubElement(signed_info, q(DS, "SignatureMethod"), Algorithm=RSA_SHA256)
    for part in signed_parts:
        reference = etree.SubElement(signed_info, q(DS, "Reference"), URI="#" + part.get(WSU_ID))
        transforms = etree.SubElement(reference, q(DS, "Transforms"))
        etree.SubElement(transforms, q(DS, "Transform"), Algorithm=EXC_C14N)
        etree.SubElement(reference, q(DS, "DigestMethod"), Algorithm=SHA256)
        etree.SubElement(reference, q(DS, "DigestValue")).text = b64(hashlib.sha256(c14n(part)).digest())

    # SignedInfo is canonicalised where it stands in the envelope, as a verifier will see it.
    value = private_key.sign(c14n(signed_info), padding.PKCS1v15(), hashes.SHA256())
    etree.SubElement(signature, q(DS, "SignatureValue")).text = b64(value)
    key_info = etree.SubElement(signature, q(DS, "KeyInfo"))
    reference = etree.SubElement(etree.SubElement(key_info, q(WSSE, "SecurityTokenReference")), q(WSSE, "Reference"))
    reference.set("URI", "#" + token.get(WSU_ID))
    reference.set("ValueType", X509V3)
    return b64(value)


def tamper_request(envelope):
    """Changes the Body after signing: the dependancecode 00 becomes 01."""
    code = envelope.find(q(SOAP, "Body")).xpath(".//*[local-name() = 'dependancecode']")[0]
    code.text = "01"
    return "dependancecode 00 -> 01"


def tamper_answer(envelope):
    """Changes the answer's Body before it is verified: an attribute added to the Body's element."""
    envelope.find(q(SOAP, "Body"))[0].set("gewijzigd", "ja")
    return "attribute gewijzigd added to the Body's element"


def post(gateway_url, operation, data, certs):
    """POSTs over mutual TLS: las-a's certificate and key, the gateway checked against the dev CAs and its name."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    for ca in TRUSTED_CAS:
        context.load_verify_locations(cafile=str(certs / "ca" / ca))
    context.load_cert_chain(certfile=str(certs / "las-a.crt"), keyfile=str(certs / "las-a.key"))
    url = urllib.parse.urlsplit(gateway_url)
    connection = http.client.HTTPSConnection(url.hostname, url.port or 443, context=context, timeout=60)
    try:
        connection.request("POST", OPERATIONS[operation], body=data, headers={
            "Content-Type": "text/xml; charset=utf-8",
            "SOAPAction": '"%s%s"' % (ACTION_PREFIX, operation),
        })
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# ---------------------------------------------------------------------------------------------------- answer

def only(parent, tag, what):
    found = [] if parent is None else parent.findall(tag)
    if len(found) != 1:
        raise VerificationError("expected exactly one %s, found %d" % (what, len(found)))
    return found[0]


def fault_of(envelope):
    body = envelope.find(q(SOAP, "Body"))
    fault = None if body is None else body.find(q(SOAP, "Fault"))
    if fault is None:
        return None
    code = fault.findtext("faultcode", "").strip()
    prefix, _, local = code.rpartition(":")
    return {
        "namespace": fault.find("faultcode").nsmap.get(prefix or None),
        "code": local,
        "string": fault.findtext("faultstring", "").strip(),
        "digikoppelingcode": fault.findtext(".//{urn:eindtoets-gateway:1}digikoppelingcode"),
        "correlatieid": fault.findtext(".//{urn:eindtoets-gateway:1}correlatieid"),
    }


def algorithm(element, expected, what):
    if element is None or element.get("Algorithm") != expected:
        raise VerificationError("%s is not %s" % (what, expected))
    prefixes = element.find(q(EXC_C14N, "InclusiveNamespaces"))
    return None if prefixes is None else prefixes.get("PrefixList", "").split()


def load_certificate(path):
    return x509.load_pem_x509_certificate(Path(path).read_bytes())


def issued_by(certificate, issuer):
    """Whether issuer's key made certificate's signature (RSA PKCS#1 v1.5, the only kind in the dev PKI)."""
    if certificate.issuer != issuer.subject:
        return False
    try:
        issuer.public_key().verify(certificate.signature, certificate.tbs_certificate_bytes, padding.PKCS1v15(),
                                   certificate.signature_hash_algorithm)
        return True
    except InvalidSignature:
        return False


def chain_to_root(certificate, certs):
    """The chain from certificate up to the dev root; each signature checked, each certificate within its dates."""
    root = load_certificate(certs / "ca" / "root.crt")
    intermediates = [load_certificate(certs / "ca" / name) for name in TRUSTED_CAS if name != "root.crt"]
    now = utc_now().replace(tzinfo=None)
    chain = [certificate]
    while True:
        current = chain[-1]
        if not current.not_valid_before <= now <= current.not_valid_after:
            raise VerificationError("certificate %s is outside its validity" % current.subject.rfc4514_string())
        if current == root:
            return [c.subject.rfc4514_string() for c in chain]
        issuers = [c for c in [root] + intermediates if c not in chain and issued_by(current, c)]
        if not issuers or len(chain) > 5:
            raise VerificationError("no trusted issuer for %s" % current.subject.rfc4514_string())
        chain.append(issuers[0])


def verify_answer(envelope, request_signature_value, request_message_id, certs):
    """Verifies a signed gateway answer; returns (checks passed, parts covered), raises VerificationError otherwise."""
    checks = []
    if envelope.tag != q(SOAP, "Envelope"):
        raise VerificationError("answer is not a SOAP 1.1 envelope")
    header = only(envelope, q(SOAP, "Header"), "soap:Header")
    body = only(envelope, q(SOAP, "Body"), "soap:Body")
    security = only(header, q(WSSE, "Security"), "wsse:Security")
    timestamp = only(security, q(WSU, "Timestamp"), "wsu:Timestamp")
    confirmation = only(security, q(WSSE11, "SignatureConfirmation"), "wsse11:SignatureConfirmation")
    signature = only(security, q(DS, "Signature"), "ds:Signature")
    signed_info = only(signature, q(DS, "SignedInfo"), "ds:SignedInfo")

    # Ids are looked up where the profile signs: the Body, the header blocks and the Security header's children.
    by_id = {}
    for element in [body] + list(header.iterchildren(tag=etree.Element)) + list(security.iterchildren(tag=etree.Element)):
        for attribute in (WSU_ID, "Id"):
            value = element.get(attribute)
            if value is not None:
                if value in by_id and by_id[value] is not element:
                    raise VerificationError("Id %s occurs twice" % value)
                by_id[value] = element

    signed_info_prefixes = algorithm(signed_info.find(q(DS, "CanonicalizationMethod")), EXC_C14N,
                                     "CanonicalizationMethod")
    algorithm(signed_info.find(q(DS, "SignatureMethod")), RSA_SHA256, "SignatureMethod")
    covered = []
    for reference in signed_info.findall(q(DS, "Reference")):
        uri = reference.get("URI", "")
        target = by_id.get(uri[1:]) if uri.startswith("#") else None
        if target is None:
            raise VerificationError("reference %s points at nothing the profile signs" % uri)
        transforms = reference.findall(q(DS, "Transforms") + "/" + q(DS, "Transform"))
        if len(transforms) != 1:
            raise VerificationError("reference %s must have exactly one transform (exclusive c14n)" % uri)
        prefixes = algorithm(transforms[0], EXC_C14N, "Transform of " + uri)
        algorithm(reference.find(q(DS, "DigestMethod")), SHA256, "DigestMethod of " + uri)
        digest = b64(hashlib.sha256(c14n(target, prefixes)).digest())
        if digest != reference.findtext(q(DS, "DigestValue"), "").strip():
            raise VerificationError("digest of %s (%s) does not match" % (uri, etree.QName(target).localname))
        covered.append(target)
    checks.append("%d reference digests match" % len(covered))

    # The key: the X509v3 BinarySecurityToken that the KeyInfo references directly.
    str_reference = only(only(signature.find(q(DS, "KeyInfo")), q(WSSE, "SecurityTokenReference"),
                              "wsse:SecurityTokenReference"), q(WSSE, "Reference"), "wsse:Reference")
    token = by_id.get(str_reference.get("URI", "")[1:])
    if token is None or token.tag != q(WSSE, "BinarySecurityToken") or token.get("ValueType") != X509V3:
        raise VerificationError("KeyInfo does not reference an X509v3 BinarySecurityToken directly")
    signer = x509.load_der_x509_certificate(base64.b64decode("".join(token.text.split())))
    signature_value = base64.b64decode("".join(signature.findtext(q(DS, "SignatureValue"), "").split()))
    try:
        signer.public_key().verify(signature_value, c14n(signed_info, signed_info_prefixes), padding.PKCS1v15(),
                                   hashes.SHA256())
    except InvalidSignature:
        raise VerificationError("SignatureValue does not verify under the BinarySecurityToken's certificate")
    checks.append("SignatureValue verifies (RSA-SHA256, exclusive c14n of SignedInfo)")

    chain = chain_to_root(signer, certs)
    checks.append("signer chains to the dev root: " + " <- ".join(chain))
    oins = signer.subject.get_attributes_for_oid(x509.NameOID.SERIAL_NUMBER)
    if not oins or oins[0].value != GATEWAY_OIN:
        raise VerificationError("answer not signed by the gateway's OIN %s" % GATEWAY_OIN)
    checks.append("signer OIN is " + GATEWAY_OIN)

    required = [("soap:Body", body), ("wsu:Timestamp", timestamp), ("wsse11:SignatureConfirmation", confirmation)]
    required += [("wsa:" + etree.QName(h).localname, h) for h in header.iterchildren(tag=etree.Element)
                 if etree.QName(h).namespace == WSA]
    missing = [name for name, element in required if not any(element is c for c in covered)]
    if missing:
        raise VerificationError("not covered by the signature: " + ", ".join(missing))
    checks.append("signature covers " + ", ".join(name for name, _ in required))

    created = datetime.datetime.fromisoformat(timestamp.findtext(q(WSU, "Created")).replace("Z", "+00:00"))
    expires = datetime.datetime.fromisoformat(timestamp.findtext(q(WSU, "Expires")).replace("Z", "+00:00"))
    if created > utc_now() + CLOCK_SKEW or expires < utc_now():
        raise VerificationError("Timestamp is not fresh")
    checks.append("Timestamp is fresh")

    if base64.b64decode(confirmation.get("Value", "")) != base64.b64decode(request_signature_value):
        raise VerificationError("SignatureConfirmation Value is not the request's SignatureValue")
    checks.append("SignatureConfirmation Value equals the request SignatureValue")

    relates_to = only(header, q(WSA, "RelatesTo"), "wsa:RelatesTo")
    if relates_to.text is None or relates_to.text.strip() != request_message_id:
        raise VerificationError("wsa:RelatesTo is not the request's MessageID")
    checks.append("wsa:RelatesTo equals the request MessageID")
    return checks, [name for name, _ in required]


# ---------------------------------------------------------------------------------------------------- main

def main():
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--gateway", required=True, help="e.g. https://127.0.0.1:8443")
    arguments.add_argument("--certs", default="certs-dev", type=Path, help="the development PKI directory")
    arguments.add_argument("--operation", required=True, choices=sorted(OPERATIONS))
    arguments.add_argument("--school", required=True, help="BRIN4 of the school, e.g. 99AA")
    arguments.add_argument("--body", required=True, type=Path, help="the payload (body child element) file")
    arguments.add_argument("--tamper-request", action="store_true", help="change the Body after signing")
    arguments.add_argument("--tamper-answer", action="store_true", help="change the answer's Body before verifying")
    options = arguments.parse_args()

    certificate = load_certificate(options.certs / "las-a.crt")
    private_key = serialization.load_pem_private_key((options.certs / "las-a.key").read_bytes(), password=None)
    envelope, message_id, parts, token = build_request(options.operation, options.school, options.body,
                                                       options.gateway, certificate)
    signature_value = sign(parts, token, private_key)
    report = {
        "stack": {"lxml": etree.__version__, "libxml2": ".".join(map(str, etree.LIBXML_VERSION)),
                  "cryptography": cryptography.__version__, "python": sys.version.split()[0]},
        "operation": options.operation,
        "message_id": message_id,
        "signature_value": signature_value,
        "signed": ["soap:Body", "wsu:Timestamp", "wsa:To", "wsa:Action", "wsa:MessageID", "wsa:From"],
    }
    if options.tamper_request:
        report["tampered_request"] = tamper_request(envelope)

    status, answer = post(options.gateway, options.operation,
                          etree.tostring(envelope, xml_declaration=True, encoding="UTF-8"), options.certs)
    report["http_status"] = status
    answer_envelope = etree.fromstring(answer, PARSER)
    report["fault"] = fault_of(answer_envelope)
    report["answer_element"] = etree.QName(answer_envelope.find(q(SOAP, "Body"))[0]).localname

    if options.tamper_answer:
        report["tampered_answer"] = tamper_answer(answer_envelope)
    if answer_envelope.find(q(SOAP, "Header") + "/" + q(WSSE, "Security")) is None:
        report["verified"] = False
        report["verification_error"] = "answer is not signed"
    else:
        try:
            report["checks"], report["covered"] = verify_answer(answer_envelope, signature_value, message_id,
                                                                options.certs)
            report["verified"] = True
        except VerificationError as e:
            report["verified"] = False
            report["verification_error"] = str(e)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
