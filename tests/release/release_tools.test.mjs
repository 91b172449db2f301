// The release tools' pure parts (CTest release.tools): the CRX3 packer against Chromium's
// id rule and its own reader, the update manifests, and the SBOM's parsers.
import test from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packCrx3, readCrx3, extensionId, loadOrCreateKey } from '../../scripts/release/crx3.mjs';
import { updatesXml, updatesJson } from '../../scripts/release/selfhosted.mjs';
import { lddLibraries, cmakeDependencyFiles } from '../../scripts/release/sbom.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ownvoice-release-tools-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('extension ids follow Chromium\'s rule: the pinned development key gives DEV_EXTENSION_ID', () => {
  const der = Buffer.from(fs.readFileSync(path.join(REPO, 'extension/dev-public-key.b64'), 'utf8').trim(), 'base64');
  assert.equal(extensionId(der), fs.readFileSync(path.join(REPO, 'extension/DEV_EXTENSION_ID'), 'utf8').trim());
});

test('CRX3: packed, read back, signature verified; a changed byte or another key is caught', () => {
  const keyFile = path.join(tmp, 'keys', 'k.pem');
  const first = loadOrCreateKey(keyFile);
  assert.equal(first.created, true);
  assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600, 'the key is readable by its owner only');
  assert.equal(loadOrCreateKey(keyFile).created, false, 'the same key the second time');
  const zip = crypto.randomBytes(3000);
  const { crx, id } = packCrx3(zip, first.pem);
  assert.equal(crx.toString('latin1', 0, 4), 'Cr24');
  assert.equal(crx.readUInt32LE(4), 3);
  const back = readCrx3(crx);
  assert.deepEqual([back.id, back.verified, back.idMatchesKey], [id, true, true]);
  assert.ok(back.zip.equals(zip));
  const tampered = Buffer.from(crx);
  tampered[tampered.length - 1] ^= 1;
  assert.equal(readCrx3(tampered).verified, false);
  const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
  assert.notEqual(packCrx3(zip, other).id, id, 'the key is the id');
  assert.throws(() => readCrx3(Buffer.from('PK\x03\x04 not a crx')), /not a CRX3/);
});

test('update manifests: the CRX codebase and version, the xpi link and hash, with XML escaping', () => {
  const xml = updatesXml({ id: 'abcdefghijklmnopabcdefghijklmnop', version: '1.2.3', crxUrl: "https://h/a?b=1&c='2'" });
  assert.match(xml, /<app appid='abcdefghijklmnopabcdefghijklmnop'>/);
  assert.match(xml, /codebase='https:\/\/h\/a\?b=1&amp;c=&apos;2&apos;' version='1.2.3'/);
  const json = JSON.parse(updatesJson({ version: '1.2.3', xpiUrl: 'https://h/x.xpi', xpiSha256: 'ab' }));
  assert.deepEqual(json.addons['ownvoice@ownvoice.org'].updates, [{ version: '1.2.3', update_link: 'https://h/x.xpi', update_hash: 'sha256:ab' }]);
});

test('SBOM parsers: ldd lines and the CMake cache entries that name linked libraries', () => {
  const ldd = `\tlinux-vdso.so.1 (0x00007ffd)\n\tlibre2.so.9 => /lib/x86_64-linux-gnu/libre2.so.9 (0x00007f)\n` +
    `\tlibmissing.so => not found\n\t/lib64/ld-linux-x86-64.so.2 (0x00007f)\n`;
  assert.deepEqual(lddLibraries(ldd), ['/lib/x86_64-linux-gnu/libre2.so.9', '/lib64/ld-linux-x86-64.so.2']);
  const cache = ['CLI11_DIR:PATH=/usr/share/cmake/CLI11', 'SQLite3_INCLUDE_DIR:PATH=/usr/include',
    'SQLite3_LIBRARY:FILEPATH=/usr/lib/x86_64-linux-gnu/libsqlite3.so', 'pkgcfg_lib_RE2_re2:FILEPATH=/usr/lib/x86_64-linux-gnu/libre2.so',
    'GTest_DIR:PATH=GTest_DIR-NOTFOUND', 'RE2_LIBDIR:INTERNAL=/usr/lib/x86_64-linux-gnu'].join('\n');
  assert.deepEqual(cmakeDependencyFiles(cache).sort(), ['/usr/lib/x86_64-linux-gnu/libre2.so',
    '/usr/lib/x86_64-linux-gnu/libsqlite3.so', '/usr/share/cmake/CLI11']);
});
