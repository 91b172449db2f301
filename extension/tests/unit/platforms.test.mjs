// The extension's platform list is the host's one table (host/lib/checks/platforms.json),
// generated into src/common/platforms.js by build.mjs: the adapters' strictest-network
// choice, the boundaries' names and the pages' platform menus all come from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { load, EXTENSION } from './load.mjs';
import { PLATFORM_TABLE, distFor } from '../../build.mjs';

const OV = await load('content/adapters/registry.js', 'content/adapter_helpers.js', 'common/managed.js', 'common/boundaries.js');
const table = JSON.parse(fs.readFileSync(PLATFORM_TABLE, 'utf8')).platforms;

test('OwnVoice.platforms is the table without generic, in its order', () => {
  assert.deepEqual(OV.platforms.map((p) => p.id), table.map((p) => p.id).filter((id) => id !== 'generic'));
  for (const p of OV.platforms) assert.ok(p.name, `${p.id} has a display name`);
});

test('ids and aliases name their platform; the strictest selected network wins', () => {
  for (const row of table.filter((p) => p.id !== 'generic')) {
    assert.equal(OV.adapterHelpers.platformOf(row.id), row.id);
    for (const alias of row.aliases) assert.equal(OV.adapterHelpers.platformOf(alias), row.id);
  }
  assert.equal(OV.adapterHelpers.platformOf('Twitter'), 'x');
  assert.equal(OV.adapterHelpers.strictest(['LinkedIn', 'X']), 'x');
  assert.equal(OV.adapterHelpers.strictest(['Facebook', 'Bluesky', 'Instagram']), 'bluesky');
  assert.equal(OV.adapterHelpers.strictest(['TikTok']), 'generic');
});

test('the boundaries name every platform of the table', () => {
  for (const p of OV.platforms) assert.equal(OV.boundaries.PLATFORMS[p.id], p.name);
});

test('each build carries the generated list, loaded before the content scripts that read it', () => {
  const dist = distFor('dev');
  if (!fs.existsSync(path.join(dist, 'chromium/manifest.json'))) {
    console.warn('SKIPPED: no extension/dist/dev build (npm test builds it first)');
    return;
  }
  for (const browser of ['chromium', 'firefox']) {
    const generated = fs.readFileSync(path.join(dist, browser, 'src/common/platforms.js'), 'utf8');
    for (const row of table.filter((p) => p.id !== 'generic')) assert.ok(generated.includes(`"id":"${row.id}"`), `${browser}: ${row.id}`);
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, browser, 'manifest.json'), 'utf8'));
    assert.equal(manifest.content_scripts[0].js[0], 'src/common/platforms.js', `${browser}: loaded first`);
  }
  assert.ok(!fs.existsSync(path.join(EXTENSION, 'src/common/platforms.js')), 'generated into the builds only, never into src/');
});

test('every page that runs code reading OwnVoice.platforms loads platforms.js first', () => {
  const src = path.join(EXTENSION, 'src');
  const usesTable = (file) => /\.platforms\b/.test(fs.readFileSync(file, 'utf8'));
  const pages = fs.readdirSync(src, { recursive: true }).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length >= 5, 'the pages are found');
  for (const page of pages) {
    const html = fs.readFileSync(path.join(src, page), 'utf8');
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => path.join(src, path.dirname(page), m[1]));
    const tableAt = scripts.findIndex((s) => s.endsWith('common/platforms.js'));
    // selftest.js loads the content scripts (adapter_helpers.js reads the table) at run time.
    const loadsContentScripts = scripts.some((s) => fs.existsSync(s) && /content_scripts/.test(fs.readFileSync(s, 'utf8')));
    scripts.forEach((s, i) => {
      if (!s.endsWith('common/platforms.js') && fs.existsSync(s) && usesTable(s)) {
        assert.ok(tableAt >= 0 && tableAt < i, `${page} loads platforms.js before ${path.basename(s)}`);
      }
    });
    if (loadsContentScripts) assert.ok(tableAt >= 0, `${page} loads the content scripts, so platforms.js too`);
  }
});
