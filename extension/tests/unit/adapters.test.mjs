// The adapter registry and each site file: every adapter has what the interface needs,
// the right adapter is chosen per host, fallbacks come last, and each site file's
// header (read by the build) agrees with the hosts it claims.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION, load } from './load.mjs';
import { readSites } from '../../build.mjs';

// Every site file the build ships (adapter_selection.test.mjs covers the other sites).
globalThis.location = globalThis.location || { hostname: 'unit.test', href: 'https://unit.test/', protocol: 'https:' };
const OV = await load('content/adapters/registry.js', 'content/adapter_helpers.js',
  ...readSites(path.join(EXTENSION, 'src/content/adapters')).map((s) => s.file.replace(/^src\//, '')));
const FALLBACKS = ['generic', 'mastodon', 'textarea'].filter((id) => !OV.adapters.all().find((a) => a.id === id).hosts);

test('each host gets its site adapter first and the textarea fallback last', () => {
  assert.deepEqual(OV.adapters.forHost('x.com').map((a) => a.id), ['x', ...FALLBACKS]);
  assert.deepEqual(OV.adapters.forHost('twitter.com').map((a) => a.id), ['x', ...FALLBACKS]);
  assert.deepEqual(OV.adapters.forHost('www.linkedin.com').map((a) => a.id), ['linkedin', ...FALLBACKS]);
  assert.deepEqual(OV.adapters.forHost('www.facebook.com').map((a) => a.id), ['facebook', ...FALLBACKS]);
  assert.deepEqual(OV.adapters.forHost('composer.ownvoice.test').map((a) => a.id), FALLBACKS);
  assert.deepEqual(OV.adapters.forHost('notx.com').map((a) => a.id), FALLBACKS);
  assert.equal(FALLBACKS[FALLBACKS.length - 1], 'textarea');
});

test('editor kinds follow what was measured per editor library', () => {
  const kind = Object.fromEntries(OV.adapters.all().map((a) => [a.id, a.editor]));
  for (const [id, k] of Object.entries({ x: 'paste', linkedin: 'insertText', facebook: 'paste', textarea: 'value' })) assert.equal(kind[id], k, id);
});

test('an incomplete adapter is refused', () => {
  assert.throws(() => OV.adapters.register({ id: 'broken', platform: 'generic', editor: 'value', composerSelector: 'textarea' }), /submitSelector/);
});

test('default submit state and shortcut', () => {
  const x = OV.adapters.all().find((a) => a.id === 'x');
  const control = (attrs) => ({ disabled: !!attrs.disabled, getAttribute: (n) => attrs[n] ?? null });
  assert.equal(x.submitEnabled(control({ 'aria-disabled': 'true' })), false);
  assert.equal(x.submitEnabled(control({ disabled: true })), false);
  assert.equal(x.submitEnabled(control({ 'aria-disabled': 'false' })), true);
  assert.equal(x.submitEnabled(null), false);
  assert.equal(x.shortcut({ key: 'Enter', ctrlKey: true }), true);
  assert.equal(x.shortcut({ key: 'Enter', metaKey: true }), true);
  assert.equal(x.shortcut({ key: 'Enter' }), false);
  assert.equal(x.shortcut({ key: 'Enter', ctrlKey: true, shiftKey: true }), false);
});

test('site headers: https origins only, and each matches its adapter\'s hosts', () => {
  const sites = readSites(path.join(EXTENSION, 'src/content/adapters'));
  assert.equal(sites.length, OV.adapters.all().length);
  for (const site of sites) {
    const id = path.basename(site.file, '.js');
    const adapter = OV.adapters.all().find((a) => a.id === id);
    assert.ok(adapter, site.file);
    for (const m of site.matches) {
      assert.match(m, /^https:\/\/[a-z0-9.-]+\/\*$/);
      const host = new URL(m.replace('/*', '/')).hostname;
      assert.ok(adapter.hosts && adapter.hosts.some((re) => re.test(host)), `${id}: ${host}`);
    }
  }
  assert.ok(fs.existsSync(path.join(EXTENSION, 'src/content/adapters/registry.js')));
});
