// CRX3: the package format Chromium installs from a self-hosted update URL.
//   "Cr24" | version 3 (uint32 LE) | header size (uint32 LE) | CrxFileHeader | zip
// CrxFileHeader (protobuf, chromium components/crx_file/crx3.proto):
//   2     sha256_with_rsa: AsymmetricKeyProof {1 public_key (SPKI DER), 2 signature}
//   10000 signed_header_data: SignedData {1 crx_id (first 16 bytes of SHA-256(public key))}
// The signature is RSA PKCS#1 v1.5 with SHA-256 over
//   "CRX3 SignedData\0" | uint32 LE size of signed_header_data | signed_header_data | zip
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

function varint(n) {
  const out = [];
  while (n > 0x7f) { out.push((n & 0x7f) | 0x80); n >>>= 7; }
  out.push(n);
  return Buffer.from(out);
}
// One length-delimited protobuf field (wire type 2).
const field = (number, bytes) => Buffer.concat([varint((number << 3) | 2), varint(bytes.length), bytes]);

export function publicKeyDer(privateKeyPem) {
  return crypto.createPublicKey(privateKeyPem).export({ type: 'spki', format: 'der' });
}

// Chromium's extension id: the first 128 bits of SHA-256(public key), hex digits 0-f as a-p.
export function extensionId(spkiDer) {
  return [...crypto.createHash('sha256').update(spkiDer).digest('hex').slice(0, 32)]
    .map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export function packCrx3(zip, privateKeyPem) {
  const spki = publicKeyDer(privateKeyPem);
  const crxId = crypto.createHash('sha256').update(spki).digest().subarray(0, 16);
  const signedData = field(1, crxId);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(signedData.length);
  const signature = crypto.sign('sha256', Buffer.concat([Buffer.from('CRX3 SignedData\0', 'latin1'), size, signedData, zip]),
    { key: privateKeyPem, padding: crypto.constants.RSA_PKCS1_PADDING });
  const header = Buffer.concat([field(2, Buffer.concat([field(1, spki), field(2, signature)])), field(10000, signedData)]);
  const prefix = Buffer.alloc(12);
  prefix.write('Cr24', 0, 'latin1');
  prefix.writeUInt32LE(3, 4);
  prefix.writeUInt32LE(header.length, 8);
  return { crx: Buffer.concat([prefix, header, zip]), id: extensionId(spki) };
}

// Reads a CRX3 back (tests, and a check before publishing): the id and whether the
// signature verifies against the public key it carries.
export function readCrx3(crx) {
  if (crx.toString('latin1', 0, 4) !== 'Cr24' || crx.readUInt32LE(4) !== 3) throw new Error('not a CRX3 file');
  const headerSize = crx.readUInt32LE(8);
  const header = crx.subarray(12, 12 + headerSize);
  const zip = crx.subarray(12 + headerSize);
  const fields = (buf) => {
    const out = [];
    let i = 0;
    const read = () => { let n = 0, shift = 0, b; do { b = buf[i++]; n += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return n; };
    while (i < buf.length) {
      const tag = read();
      if ((tag & 7) !== 2) throw new Error('unexpected wire type in CRX header');
      const len = read();
      out.push({ number: Math.floor(tag / 8), bytes: buf.subarray(i, i + len) });
      i += len;
    }
    return out;
  };
  const top = fields(header);
  const proof = fields(top.find((f) => f.number === 2).bytes);
  const spki = proof.find((f) => f.number === 1).bytes;
  const signature = proof.find((f) => f.number === 2).bytes;
  const signedData = top.find((f) => f.number === 10000).bytes;
  const size = Buffer.alloc(4);
  size.writeUInt32LE(signedData.length);
  const key = crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' });
  const verified = crypto.verify('sha256', Buffer.concat([Buffer.from('CRX3 SignedData\0', 'latin1'), size, signedData, zip]),
    { key, padding: crypto.constants.RSA_PKCS1_PADDING }, signature);
  const crxId = fields(signedData).find((f) => f.number === 1).bytes;
  return { id: extensionId(spki), verified, idMatchesKey: crxId.equals(crypto.createHash('sha256').update(spki).digest().subarray(0, 16)), zip };
}

// The release machine's signing key: created once (RSA 2048, PKCS#8 PEM, mode 0600) where
// IT keeps it, never in the repository. The key IS the extension's id: losing it means
// a new id (every policy changes); leaking it lets anyone publish updates.
export function loadOrCreateKey(file) {
  if (fs.existsSync(file)) return { pem: fs.readFileSync(file, 'utf8'), created: false };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  return { pem, created: true };
}
