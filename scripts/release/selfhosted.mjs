#!/usr/bin/env node
// Self-hosted deployment files for companies that do not use the stores:
//   ownvoice-<v>.crx   the Chromium zip packed as CRX3 with the release machine's key
//   updates.xml        Chrome/Edge update manifest (gupdate) naming the CRX
//   updates.json       Firefox update manifest naming the self-hosted .xpi and its hash
//   node scripts/release/selfhosted.mjs --zip FILE --key KEY.pem --version V --base-url URL
//        --out DIR [--xpi FILE]
// Prints the extension id (JSON on stdout) for the enterprise templates.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrCreateKey, packCrx3 } from './crx3.mjs';

export const FIREFOX_ID = 'ownvoice@ownvoice.org';
const xmlAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function updatesXml({ id, version, crxUrl }) {
  return `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${xmlAttr(id)}'>
    <updatecheck codebase='${xmlAttr(crxUrl)}' version='${xmlAttr(version)}' />
  </app>
</gupdate>
`;
}

export function updatesJson({ version, xpiUrl, xpiSha256 }) {
  return JSON.stringify({ addons: { [FIREFOX_ID]: { updates: [
    { version, update_link: xpiUrl, ...(xpiSha256 ? { update_hash: 'sha256:' + xpiSha256 } : {}) }] } } }, null, 2) + '\n';
}

export function selfHosted({ zip, keyFile, version, baseUrl, out, xpi }) {
  const base = baseUrl.replace(/\/+$/, '');
  const { pem, created } = loadOrCreateKey(keyFile);
  const { crx, id } = packCrx3(fs.readFileSync(zip), pem);
  fs.mkdirSync(out, { recursive: true });
  const crxName = `ownvoice-${version}.crx`;
  fs.writeFileSync(path.join(out, crxName), crx);
  fs.writeFileSync(path.join(out, 'updates.xml'), updatesXml({ id, version, crxUrl: `${base}/${crxName}` }));
  const result = { id, keyCreated: created, crx: crxName, updateUrl: `${base}/updates.xml`, firefoxUpdateUrl: `${base}/updates.json` };
  if (xpi) {
    const xpiSha256 = crypto.createHash('sha256').update(fs.readFileSync(xpi)).digest('hex');
    result.xpiUrl = `${base}/${path.basename(xpi)}`;
    fs.writeFileSync(path.join(out, 'updates.json'), updatesJson({ version, xpiUrl: result.xpiUrl, xpiSha256 }));
  }
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const get = (name, optional) => {
    const i = argv.indexOf(name);
    if (i < 0 || argv[i + 1] === undefined) { if (optional) return null; console.error(`selfhosted: missing ${name}`); process.exit(64); }
    return argv[i + 1];
  };
  const r = selfHosted({ zip: get('--zip'), keyFile: get('--key'), version: get('--version'), baseUrl: get('--base-url'),
    out: get('--out'), xpi: get('--xpi', true) });
  console.log(JSON.stringify(r));
}
