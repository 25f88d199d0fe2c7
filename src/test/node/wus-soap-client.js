#!/usr/bin/env node
'use strict';
/*
 * A Digikoppeling WUS 2W-be-S client for the eindtoets gateway on Node.js, the way a LAS built on npm would write it:
 *
 *   - npm soap builds the request from the gateway's WSDL and sends it over mutual TLS (an https.Agent with las-a's
 *     key); its WSSecurityCert signs it: wsu:Timestamp, an X509v3 BinarySecurityToken by direct reference, one
 *     ds:Signature with exclusive c14n, RSA-SHA256 and SHA-256 digests over Body, Timestamp, wsa:To, wsa:Action,
 *     wsa:MessageID and wsa:From (the WS-Addressing headers come from a soap header function);
 *   - xml-crypto verifies the gateway's signed answer, on a DOM from @xmldom/xmldom: every reference's digest and
 *     the SignatureValue under the certificate of the answer's BinarySecurityToken; this script checks that
 *     certificate's chain to the dev root, the Timestamp, the coverage of Body, Timestamp, every WS-Addressing header
 *     and the SignatureConfirmation, the SignatureConfirmation Value and wsa:RelatesTo;
 *   - it prints one JSON object on one line: what was signed and how, the HTTP status, the fault (if any) and the
 *     verification.
 *
 *   node src/test/node/wus-soap-client.js --gateway https://127.0.0.1:8443 --certs certs-dev \
 *        --operation BrengDeelnemers --school 99AA --body samples/brengdeelnemers/99AA-happy.xml
 *
 * --tamper-request changes the Body after signing (the gateway must refuse it), --tamper-answer changes the answer's
 * Body before it is verified (the verification must fail), --wrap-answer hides the answer's signed Body in a header
 * block and puts another Body in its place (signature wrapping: xml-crypto alone accepts it, this verifier must not),
 * --soap-default-transforms leaves WSSecurityCert's default transforms (enveloped-signature, exc-c14n) in place. Run it from the project directory (the WSDL is read from
 * wsdl/ unless --wsdl says otherwise).
 */

const crypto = require('crypto');
const fs = require('fs');
const https = require('https');
const path = require('path');
const { DOMParser, XMLSerializer } = require('@xmldom/xmldom');
const soap = require('soap');
const { SignedXml } = require('xml-crypto');

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const WSA = 'http://www.w3.org/2005/08/addressing';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const WSSE11 = 'http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd';
const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const GW = 'urn:eindtoets-gateway:1';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const X509V3 = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3';
const ANONYMOUS = 'http://www.w3.org/2005/08/addressing/anonymous';
const PREFIXES = { [SOAP]: 'soap', [WSA]: 'wsa', [WSU]: 'wsu', [WSSE]: 'wsse', [WSSE11]: 'wsse11', [DS]: 'ds' };

const OPERATIONS = {
  BrengDeelnemers: { path: '/eindtoets/deelnemers', wsdl: 'Eindtoets_Deelnemers_v1.wsdl' },
  HaalLeerresultaten: { path: '/eindtoets/leerresultaten', wsdl: 'Eindtoets_Leerresultaten_v1.wsdl' },
};
const GATEWAY_OIN = '00000099000000002000';
const CLOCK_SKEW_MS = 60 * 1000;
const TRUSTED_CAS = ['root.crt', 'domain.crt', 'tsp.crt']; // not foreign-root.crt: that hierarchy is the untrusted one

class VerificationError extends Error {}

// ------------------------------------------------------------------------------------------------------ XML

/** Parses without a DTD: a document type declaration is refused, as the gateway refuses it. */
function parse(text) {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') {
        throw new VerificationError('not well-formed XML: ' + message);
      }
    },
  }).parseFromString(text, 'text/xml');
  if (doc.doctype) {
    throw new VerificationError('a document type declaration is not accepted');
  }
  return doc;
}

function elements(parent) {
  const found = [];
  for (let n = parent ? parent.firstChild : null; n; n = n.nextSibling) {
    if (n.nodeType === 1) {
      found.push(n);
    }
  }
  return found;
}

function children(parent, ns, local) {
  return elements(parent).filter((e) => e.namespaceURI === ns && e.localName === local);
}

function only(parent, ns, local) {
  const found = children(parent, ns, local);
  if (found.length !== 1) {
    throw new VerificationError(`expected exactly one ${PREFIXES[ns]}:${local}, found ${found.length}`);
  }
  return found[0];
}

/** The element's name with this script's prefix for its namespace, whatever prefix the message used. */
function qualified(element) {
  return (PREFIXES[element.namespaceURI] || '{' + element.namespaceURI + '}') + ':' + element.localName;
}

/**
 * The elements a 2W-be-S signature may reference, by wsu:Id or Id: the Body, the header blocks and the Security
 * header's children, and nothing else. An Id that occurs twice there is refused.
 */
function profileIds(body, header, security) {
  const byId = new Map();
  for (const element of [body, ...elements(header), ...elements(security)]) {
    for (const value of new Set([element.getAttributeNS(WSU, 'Id'), element.getAttributeNS(null, 'Id')])) {
      if (value) {
        if (byId.has(value) && byId.get(value) !== element) {
          throw new VerificationError(`Id ${value} occurs twice`);
        }
        byId.set(value, element);
      }
    }
  }
  return byId;
}

/**
 * xml-crypto finds a reference's element by any attribute named Id, ID or id, in any namespace, anywhere in the
 * document. Only when exactly one element carries the Id and it is the profile's is that the element we check.
 */
function requireOnlyCarrier(doc, id, element) {
  const carriers = [];
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const attributes = all[i].attributes;
    for (let j = 0; j < attributes.length; j++) {
      if (['Id', 'ID', 'id'].includes(attributes[j].localName) && attributes[j].value === id) {
        carriers.push(all[i]);
        break;
      }
    }
  }
  if (carriers.length !== 1 || carriers[0] !== element) {
    throw new VerificationError(`Id ${id} is carried by ${carriers.length} elements in the message`);
  }
}

function algorithm(element, expected, what) {
  if (!element || element.getAttribute('Algorithm') !== expected) {
    throw new VerificationError(`${what} is not ${expected}`);
  }
}

function pem(base64) {
  return '-----BEGIN CERTIFICATE-----\n' + base64.replace(/\s+/g, '').match(/.{1,64}/g).join('\n')
    + '\n-----END CERTIFICATE-----\n';
}

// ------------------------------------------------------------------------------------------------------ request

/** What the signed request says about itself: the parts signed (by name) and the algorithms, as sent. */
function describeRequest(text) {
  const doc = parse(text);
  const envelope = doc.documentElement;
  const header = only(envelope, SOAP, 'Header');
  const body = only(envelope, SOAP, 'Body');
  const security = only(header, WSSE, 'Security');
  const signature = only(security, DS, 'Signature');
  const signedInfo = only(signature, DS, 'SignedInfo');
  const byId = profileIds(body, header, security);
  const references = children(signedInfo, DS, 'Reference');
  const timestamp = only(security, WSU, 'Timestamp');
  const tokenReference = only(only(only(signature, DS, 'KeyInfo'), WSSE, 'SecurityTokenReference'), WSSE, 'Reference');
  const token = byId.get((tokenReference.getAttribute('URI') || '').slice(1));
  return {
    message_id: only(header, WSA, 'MessageID').textContent.trim(),
    signature_value: only(signature, DS, 'SignatureValue').textContent.replace(/\s+/g, ''),
    signed: references.map((r) => {
      const target = byId.get((r.getAttribute('URI') || '').slice(1));
      return target ? qualified(target) : 'unresolved ' + r.getAttribute('URI');
    }),
    profile: {
      canonicalization: only(signedInfo, DS, 'CanonicalizationMethod').getAttribute('Algorithm'),
      signature_method: only(signedInfo, DS, 'SignatureMethod').getAttribute('Algorithm'),
      transforms: [...new Set(references.flatMap((r) => children(only(r, DS, 'Transforms'), DS, 'Transform')
        .map((t) => t.getAttribute('Algorithm'))))],
      digest_methods: [...new Set(references.map((r) => only(r, DS, 'DigestMethod').getAttribute('Algorithm')))],
      token: token ? qualified(token) + ' ' + token.getAttribute('ValueType') : 'unresolved',
      timestamp_lifetime_s: (Date.parse(only(timestamp, WSU, 'Expires').textContent)
        - Date.parse(only(timestamp, WSU, 'Created').textContent)) / 1000,
    },
  };
}

function addressingHeaders(schoolOin) {
  // soap calls this for every request with the endpoint and the binding's soapAction.
  return (method, location, soapAction) =>
    `<wsa:To xmlns:wsa="${WSA}">${location}</wsa:To>`
    + `<wsa:Action xmlns:wsa="${WSA}">${soapAction}</wsa:Action>`
    + `<wsa:MessageID xmlns:wsa="${WSA}">urn:uuid:${crypto.randomUUID()}</wsa:MessageID>`
    + `<wsa:From xmlns:wsa="${WSA}"><wsa:Address>${ANONYMOUS}?oin=${schoolOin}</wsa:Address></wsa:From>`;
}

function signer(certs, defaultTransforms) {
  return new soap.WSSecurityCert(fs.readFileSync(path.join(certs, 'las-a.key')),
    fs.readFileSync(path.join(certs, 'las-a.crt')), '', {
      hasTimeStamp: true,
      signatureAlgorithm: RSA_SHA256,
      digestAlgorithm: SHA256,
      // Not the default [enveloped-signature, exc-c14n]: the gateway accepts exclusive c14n as the only transform.
      signatureTransformations: defaultTransforms ? undefined : [EXC_C14N],
      // Matched by name(): the prefixes must be the ones addressingHeaders writes.
      additionalReferences: ['wsa:To', 'wsa:Action', 'wsa:MessageID', 'wsa:From'],
      signerOptions: { prefix: 'ds', idMode: 'wssecurity' },
    });
}

function tlsAgent(certs) {
  return new https.Agent({
    key: fs.readFileSync(path.join(certs, 'las-a.key')),
    cert: fs.readFileSync(path.join(certs, 'las-a.crt')),
    ca: TRUSTED_CAS.map((name) => fs.readFileSync(path.join(certs, 'ca', name))),
    minVersion: 'TLSv1.2',
  });
}

/** Changes the Body after signing: the dependancecode 00 becomes 01. */
function tamperRequest(xml) {
  const changed = xml.replace('<gw:dependancecode>00</gw:dependancecode>', '<gw:dependancecode>01</gw:dependancecode>');
  if (changed === xml) {
    throw new Error('the request has no dependancecode 00 to change');
  }
  return changed;
}

/** Changes the answer's Body before it is verified: an attribute added to the Body's element. */
function tamperAnswer(text) {
  const doc = parse(text);
  elements(only(doc.documentElement, SOAP, 'Body'))[0].setAttribute('gewijzigd', 'ja');
  return new XMLSerializer().serializeToString(doc);
}

/**
 * Signature wrapping: the signed Body moves, Id and all, into a new header block, and a Body of the attacker's takes its
 * place. Returns the changed answer.
 */
function wrapAnswer(text) {
  const doc = parse(text);
  const envelope = doc.documentElement;
  const header = only(envelope, SOAP, 'Header');
  const signedBody = only(envelope, SOAP, 'Body');
  const hidingPlace = doc.createElementNS(GW, 'gw:verpakking');
  header.appendChild(hidingPlace);
  const forged = doc.createElementNS(SOAP, signedBody.tagName);
  const forgedAnswer = doc.createElementNS(GW, 'gw:leerresultaten_antwoord');
  forged.appendChild(forgedAnswer);
  envelope.replaceChild(forged, signedBody);
  hidingPlace.appendChild(signedBody);
  return new XMLSerializer().serializeToString(doc);
}

/** What xml-crypto decides by itself, with the signer's certificate and no profile checks around it. */
function xmlCryptoAlone(text) {
  const doc = parse(text);
  const signature = doc.getElementsByTagNameNS(DS, 'Signature')[0];
  const token = doc.getElementsByTagNameNS(WSSE, 'BinarySecurityToken')[0];
  const alone = new SignedXml({ publicCert: pem(token.textContent) });
  alone.loadSignature(signature);
  try {
    return alone.checkSignature(text) === true;
  } catch (e) {
    return false;
  }
}

// ------------------------------------------------------------------------------------------------------ answer

function faultOf(doc) {
  const body = children(doc.documentElement, SOAP, 'Body')[0];
  const fault = body ? children(body, SOAP, 'Fault')[0] : undefined;
  if (!fault) {
    return null;
  }
  const text = (parent, local) => {
    const found = parent.getElementsByTagNameNS(GW, local);
    return found.length ? found[0].textContent.trim() : null;
  };
  const faultcode = elements(fault).find((e) => e.localName === 'faultcode' && !e.namespaceURI);
  const code = faultcode ? faultcode.textContent.trim() : '';
  const colon = code.indexOf(':');
  const faultstring = elements(fault).find((e) => e.localName === 'faultstring' && !e.namespaceURI);
  return {
    namespace: faultcode ? faultcode.lookupNamespaceURI(colon < 0 ? null : code.slice(0, colon)) : null,
    code: code.slice(colon + 1),
    string: faultstring ? faultstring.textContent.trim() : '',
    digikoppelingcode: text(fault, 'digikoppelingcode'),
    correlatieid: text(fault, 'correlatieid'),
  };
}

function certificate(certs, name) {
  return new crypto.X509Certificate(fs.readFileSync(path.join(certs, 'ca', name)));
}

function distinguishedName(x509) {
  return x509.subject.split('\n').reverse().join(',');
}

/** The chain from the signer up to the dev root; each issuer's signature checked, each certificate within its dates. */
function chainToRoot(signerCertificate, certs) {
  const root = certificate(certs, 'root.crt');
  const cas = TRUSTED_CAS.map((name) => certificate(certs, name));
  const now = Date.now();
  const chain = [signerCertificate];
  for (;;) {
    const current = chain[chain.length - 1];
    if (now < Date.parse(current.validFrom) || now > Date.parse(current.validTo)) {
      throw new VerificationError(`certificate ${distinguishedName(current)} is outside its validity`);
    }
    if (current.fingerprint256 === root.fingerprint256) {
      return chain.map(distinguishedName);
    }
    const issuer = cas.find((ca) => !chain.some((c) => c.fingerprint256 === ca.fingerprint256)
      && current.checkIssued(ca) && current.verify(ca.publicKey));
    if (!issuer || chain.length > 5) {
      throw new VerificationError(`no trusted issuer for ${distinguishedName(current)}`);
    }
    chain.push(issuer);
  }
}

/** Verifies a signed gateway answer; returns the checks passed and the parts covered, throws VerificationError. */
function verifyAnswer(text, requestSignatureValue, requestMessageId, certs) {
  const checks = [];
  const doc = parse(text);
  const envelope = doc.documentElement;
  if (envelope.namespaceURI !== SOAP || envelope.localName !== 'Envelope') {
    throw new VerificationError('answer is not a SOAP 1.1 envelope');
  }
  const header = only(envelope, SOAP, 'Header');
  const body = only(envelope, SOAP, 'Body');
  const security = only(header, WSSE, 'Security');
  const timestamp = only(security, WSU, 'Timestamp');
  const confirmation = only(security, WSSE11, 'SignatureConfirmation');
  const signature = only(security, DS, 'Signature');
  const signedInfo = only(signature, DS, 'SignedInfo');
  const byId = profileIds(body, header, security);

  // The profile's algorithms, and every reference to an element where the profile signs, before xml-crypto runs.
  algorithm(only(signedInfo, DS, 'CanonicalizationMethod'), EXC_C14N, 'CanonicalizationMethod');
  algorithm(only(signedInfo, DS, 'SignatureMethod'), RSA_SHA256, 'SignatureMethod');
  const targets = [];
  for (const reference of children(signedInfo, DS, 'Reference')) {
    const uri = reference.getAttribute('URI') || '';
    const target = uri.startsWith('#') ? byId.get(uri.slice(1)) : undefined;
    if (!target) {
      throw new VerificationError(`reference ${uri} points at nothing the profile signs`);
    }
    requireOnlyCarrier(doc, uri.slice(1), target);
    const transforms = children(only(reference, DS, 'Transforms'), DS, 'Transform');
    if (transforms.length !== 1) {
      throw new VerificationError(`reference ${uri} must have exactly one transform (exclusive c14n)`);
    }
    algorithm(transforms[0], EXC_C14N, 'Transform of ' + uri);
    algorithm(only(reference, DS, 'DigestMethod'), SHA256, 'DigestMethod of ' + uri);
    targets.push(target);
  }

  // The key: the X509v3 BinarySecurityToken that the KeyInfo references directly.
  const tokenReference = only(only(only(signature, DS, 'KeyInfo'), WSSE, 'SecurityTokenReference'), WSSE, 'Reference');
  const token = byId.get((tokenReference.getAttribute('URI') || '').slice(1));
  if (!token || token.namespaceURI !== WSSE || token.localName !== 'BinarySecurityToken'
      || token.getAttribute('ValueType') !== X509V3 || !elements(security).includes(token)) {
    throw new VerificationError('KeyInfo does not reference an X509v3 BinarySecurityToken directly');
  }
  const signerPem = pem(token.textContent);
  const signerCertificate = new crypto.X509Certificate(signerPem);

  // xml-crypto: the digests of the references, then the SignatureValue under the token's certificate only.
  const signed = new SignedXml({ publicCert: signerPem });
  signed.loadSignature(signature);
  let valid;
  try {
    valid = signed.checkSignature(text);
  } catch (e) {
    throw new VerificationError(/signature value .* is incorrect/.test(e.message)
      ? "SignatureValue does not verify under the BinarySecurityToken's certificate" : 'xml-crypto: ' + e.message);
  }
  if (!valid) {
    const failed = signed.getReferences().find((r) => r.validationError);
    const target = failed ? byId.get(failed.uri.slice(1)) : undefined;
    throw new VerificationError(failed
      ? `digest of ${failed.uri} (${target ? target.localName : '?'}) does not match` : 'xml-crypto: not valid');
  }
  if (signed.getSignedReferences().length !== targets.length) {
    throw new VerificationError('xml-crypto did not check every reference');
  }
  checks.push(`${targets.length} reference digests match`);
  checks.push('SignatureValue verifies (RSA-SHA256, exclusive c14n of SignedInfo)');

  checks.push('signer chains to the dev root: ' + chainToRoot(signerCertificate, certs).join(' <- '));
  if (!signerCertificate.subject.split('\n').includes('serialNumber=' + GATEWAY_OIN)) {
    throw new VerificationError(`answer not signed by the gateway's OIN ${GATEWAY_OIN}`);
  }
  checks.push('signer OIN is ' + GATEWAY_OIN);

  const required = [body, timestamp, confirmation, ...elements(header).filter((h) => h.namespaceURI === WSA)];
  const missing = required.filter((element) => !targets.includes(element)).map(qualified);
  if (missing.length) {
    throw new VerificationError('not covered by the signature: ' + missing.join(', '));
  }
  checks.push('signature covers ' + required.map(qualified).join(', '));

  const created = Date.parse(only(timestamp, WSU, 'Created').textContent.trim());
  const expires = Date.parse(only(timestamp, WSU, 'Expires').textContent.trim());
  if (!(created <= Date.now() + CLOCK_SKEW_MS) || !(expires >= Date.now())) {
    throw new VerificationError('Timestamp is not fresh');
  }
  checks.push('Timestamp is fresh');

  const confirmed = Buffer.from(confirmation.getAttribute('Value') || '', 'base64');
  if (!confirmed.length || !confirmed.equals(Buffer.from(requestSignatureValue, 'base64'))) {
    throw new VerificationError("SignatureConfirmation Value is not the request's SignatureValue");
  }
  checks.push('SignatureConfirmation Value equals the request SignatureValue');

  if (only(header, WSA, 'RelatesTo').textContent.trim() !== requestMessageId) {
    throw new VerificationError("wsa:RelatesTo is not the request's MessageID");
  }
  checks.push('wsa:RelatesTo equals the request MessageID');
  return { checks, covered: required.map(qualified) };
}

// ------------------------------------------------------------------------------------------------------ main

function options(argv) {
  const parsed = { certs: 'certs-dev', wsdlDir: 'wsdl', tamperRequest: false, tamperAnswer: false, wrapAnswer: false,
    defaultTransforms: false };
  const names = { '--gateway': 'gateway', '--certs': 'certs', '--operation': 'operation', '--school': 'school',
    '--body': 'body', '--wsdl-dir': 'wsdlDir' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--tamper-request') {
      parsed.tamperRequest = true;
    } else if (argv[i] === '--tamper-answer') {
      parsed.tamperAnswer = true;
    } else if (argv[i] === '--wrap-answer') {
      parsed.wrapAnswer = true;
    } else if (argv[i] === '--soap-default-transforms') {
      parsed.defaultTransforms = true;
    } else if (names[argv[i]] && i + 1 < argv.length) {
      parsed[names[argv[i]]] = argv[++i];
    } else {
      throw new Error('unknown argument ' + argv[i]);
    }
  }
  for (const required of ['gateway', 'operation', 'school', 'body']) {
    if (!parsed[required]) {
      throw new Error('--' + required + ' is required');
    }
  }
  if (!OPERATIONS[parsed.operation]) {
    throw new Error('--operation is one of ' + Object.keys(OPERATIONS).join(', '));
  }
  if (!/^[0-9]{2}[A-Z]{2}$/.test(parsed.school)) {
    throw new Error('not a BRIN4: ' + parsed.school);
  }
  return parsed;
}

function version(module) {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', module, 'package.json'), 'utf8')).version;
}

async function main() {
  const o = options(process.argv.slice(2));
  const operation = OPERATIONS[o.operation];
  const client = await soap.createClientAsync(path.join(o.wsdlDir, operation.wsdl));
  client.setEndpoint(`${o.gateway}${operation.path}?oin=${GATEWAY_OIN}`);
  client.addSoapHeader(addressingHeaders(`00000007000${o.school}00000`));
  client.setSecurity(signer(o.certs, o.defaultTransforms));
  let answer = null;
  client.on('response', (body, response) => {
    answer = { status: response ? response.status : null, body: typeof body === 'string' ? body : null };
  });

  const payload = fs.readFileSync(o.body, 'utf8').replace(/^\uFEFF?<\?xml[^>]*\?>\s*/, '');
  const callOptions = { httpsAgent: tlsAgent(o.certs), timeout: 60000 };
  if (o.tamperRequest) {
    callOptions.postProcess = tamperRequest; // soap applies it after WSSecurityCert has signed
  }
  try {
    await client[o.operation + 'Async']({ _xml: payload }, callOptions);
  } catch (e) {
    // A SOAP fault (HTTP 500) is reported from the answer below; anything else without an answer is an error.
    if (!answer || answer.status === null) {
      throw e;
    }
  }

  const sent = describeRequest(client.lastRequest);
  const report = {
    stack: { node: process.versions.node, soap: version('soap'), 'xml-crypto': version('xml-crypto'),
      '@xmldom/xmldom': version('@xmldom/xmldom') },
    operation: o.operation,
    ...sent,
  };
  if (o.tamperRequest) {
    report.tampered_request = 'dependancecode 00 -> 01';
  }
  report.http_status = answer.status;
  const answerDoc = parse(answer.body);
  report.fault = faultOf(answerDoc);
  const answerBody = children(answerDoc.documentElement, SOAP, 'Body')[0];
  report.answer_element = answerBody && elements(answerBody)[0] ? elements(answerBody)[0].localName : null;

  let answerText = answer.body;
  if (o.tamperAnswer) {
    answerText = tamperAnswer(answerText);
    report.tampered_answer = "attribute gewijzigd added to the Body's element";
  }
  if (o.wrapAnswer) {
    answerText = wrapAnswer(answerText);
    report.tampered_answer = 'signed Body hidden in a header block, another Body in its place';
    report.xml_crypto_alone_valid = xmlCryptoAlone(answerText);
  }
  const answerHeader = children(answerDoc.documentElement, SOAP, 'Header')[0];
  if (!answerHeader || !children(answerHeader, WSSE, 'Security').length) {
    report.verified = false;
    report.verification_error = 'answer is not signed';
  } else {
    try {
      Object.assign(report, verifyAnswer(answerText, sent.signature_value, sent.message_id, o.certs));
      report.verified = true;
    } catch (e) {
      if (!(e instanceof VerificationError)) {
        throw e;
      }
      report.verified = false;
      report.verification_error = e.message;
    }
  }
  process.stdout.write(JSON.stringify(report) + '\n');
}

main().catch((e) => {
  process.stderr.write((e && e.stack) || String(e));
  process.stderr.write('\n');
  process.exit(2);
});
