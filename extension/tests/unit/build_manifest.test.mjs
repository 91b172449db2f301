// The build: one version from CMake, the fewest permissions, the pinned development id
// in the dev flavour only, and a Firefox manifest Firefox accepts.
import test from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXTENSION } from './load.mjs';
import { build, projectVersion, readSites, manifestFor, parseArgs } from '../../build.mjs';

const REPO = path.resolve(EXTENSION, '..');
const dist = build(fs.mkdtempSync(path.join(os.tmpdir(), 'ownvoice-build-')), { flavour: 'dev' }).dist;
const chromium = JSON.parse(fs.readFileSync(path.join(dist, 'chromium/manifest.json'), 'utf8'));
const firefox = JSON.parse(fs.readFileSync(path.join(dist, 'firefox/manifest.json'), 'utf8'));
const releaseDist = build(fs.mkdtempSync(path.join(os.tmpdir(), 'ownvoice-build-'))).dist;
const shipped = ['chromium', 'firefox'].map((b) => [b, fs.readFileSync(path.join(releaseDist, b, 'manifest.json'), 'utf8')]);

test('both manifests carry the version of the top-level CMakeLists.txt', () => {
  const version = projectVersion(fs.readFileSync(path.join(REPO, 'CMakeLists.txt'), 'utf8'));
  assert.match(version, /^\d+\.\d+\.\d+$/);
  assert.equal(chromium.version, version);
  assert.equal(firefox.version, version);
  assert.throws(() => projectVersion('project(Other)'));
});

test('fewest permissions: native messaging, storage, context menu, supported sites only', () => {
  for (const m of [chromium, firefox]) {
    assert.deepEqual(m.permissions.slice().sort(), ['contextMenus', 'nativeMessaging', 'storage']);
    for (const origin of m.host_permissions) assert.match(origin, /^https:\/\/[a-z0-9.-]+\/\*$/, origin);
    assert.ok(!m.host_permissions.some((o) => o.includes('*.*') || o === '<all_urls>'));
    assert.deepEqual(m.content_scripts[0].matches, m.host_permissions);
    assert.match(m.content_security_policy.extension_pages, /script-src 'self';/);
    assert.match(m.content_security_policy.extension_pages, /connect-src 'none'/);
  }
});

test('Chromium: service worker, managed schema, and the key that gives DEV_EXTENSION_ID', () => {
  assert.equal(chromium.background.service_worker, 'background.js');
  assert.equal(chromium.storage.managed_schema, 'managed_schema.json');
  const der = Buffer.from(chromium.key, 'base64');
  const hex = crypto.createHash('sha256').update(der).digest('hex').slice(0, 32);
  const id = [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  assert.equal(id, fs.readFileSync(path.join(EXTENSION, 'DEV_EXTENSION_ID'), 'utf8').trim());
  const worker = fs.readFileSync(path.join(dist, 'chromium/background.js'), 'utf8');
  for (const f of firefox.background.scripts) {
    assert.ok(worker.includes(JSON.stringify(f)), f);
    assert.ok(fs.existsSync(path.join(dist, 'chromium', f)), f);
  }
});

test('Firefox: background scripts and the gecko id, no Chromium-only keys', () => {
  assert.equal(firefox.browser_specific_settings.gecko.id, 'ownvoice@ownvoice.org');
  assert.ok(Array.isArray(firefox.background.scripts));
  assert.equal(firefox.background.service_worker, undefined);
  assert.equal(firefox.key, undefined);
});

test('every file a manifest names exists in its build', () => {
  for (const [name, m] of [['chromium', chromium], ['firefox', firefox]]) {
    const files = [...m.content_scripts[0].js, m.action.default_popup, m.options_ui.page];
    for (const f of files) assert.ok(fs.existsSync(path.join(dist, name, f)), `${name}: ${f}`);
    assert.ok(fs.existsSync(path.join(dist, name, '_locales/en/messages.json')));
  }
});

test('the default (release) flavour ships no development key and no test-only site', () => {
  for (const [browser, text] of shipped) {
    const m = JSON.parse(text);
    assert.equal(m.key, undefined, browser);
    assert.ok(!/ownvoice\.test|localhost|127\.0\.0\.1|http:\/\//.test(text), `${browser}: test-only address in ${text}`);
    assert.deepEqual(m.content_scripts[0].matches, m.host_permissions);
  }
  // Same files otherwise: the flavour changes the manifest, not the code.
  assert.deepEqual(JSON.parse(shipped[0][1]).content_scripts[0].js, chromium.content_scripts[0].js);
});

test('build.mjs arguments: release by default, dev on request, anything else refused', () => {
  assert.equal(parseArgs([]).flavour, 'release');
  assert.equal(parseArgs(['--flavour', 'dev']).flavour, 'dev');
  assert.equal(parseArgs(['--flavour=dev']).flavour, 'dev');
  assert.throws(() => parseArgs(['--flavour', 'debug']), /unknown flavour/);
  assert.throws(() => parseArgs(['--release']), /unknown argument/);
  assert.throws(() => build(os.tmpdir(), { flavour: 'release', httpMatches: true }), /dev flavour only/);
});

test('release builds drop the development key and the test-only site', () => {
  const sites = readSites(path.join(EXTENSION, 'src/content/adapters'));
  const release = manifestFor('chromium', { version: '1.2.3', sites, devKey: null });
  assert.equal(release.key, undefined);
  assert.ok(!release.host_permissions.some((o) => o.includes('ownvoice.test')));
  assert.ok(chromium.host_permissions.some((o) => o.includes('ownvoice.test')));
});

test('icons at 16, 32, 48 and 128 px: real PNGs of those sizes, named in both manifests', () => {
  for (const [name, m] of [['chromium', chromium], ['firefox', firefox]]) {
    assert.deepEqual(Object.keys(m.icons).sort(), ['128', '16', '32', '48']);
    assert.deepEqual(m.action.default_icon, m.icons);
    for (const [size, file] of Object.entries(m.icons)) {
      const png = fs.readFileSync(path.join(dist, name, file));
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', file);
      assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR', file);
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [Number(size), Number(size)], file);
    }
  }
  assert.ok(!fs.existsSync(path.join(dist, 'chromium/icons/ownvoice.svg')), 'the drawing stays out of the package');
});

test('the managed schema follows Chromium\'s rules (object at the top, no additionalProperties there, one type per node)', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'managed_schema.json'), 'utf8'));
  assert.equal(schema.type, 'object');
  assert.equal(schema.additionalProperties, undefined);
  const walk = (node, where) => {
    assert.ok(node.type || node.$ref, `${where}: a type or a $ref`);
    if (node.additionalProperties !== undefined) assert.equal(typeof node.additionalProperties, 'object', where);
    for (const [k, v] of Object.entries(node.properties || {})) walk(v, where + '.' + k);
    if (node.items) walk(node.items, where + '[]');
    if (node.additionalProperties) walk(node.additionalProperties, where + '{}');
  };
  walk(schema, 'root');
  for (const key of ['policy', 'rules', 'disclaimers', 'allowed_sites']) assert.ok(schema.properties[key], key);
});
