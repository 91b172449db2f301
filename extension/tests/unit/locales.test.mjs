// English and French say the same things: same keys, same placeholders, and every
// message the code asks for exists.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION } from './load.mjs';

const en = JSON.parse(fs.readFileSync(path.join(EXTENSION, '_locales/en/messages.json'), 'utf8'));
const fr = JSON.parse(fs.readFileSync(path.join(EXTENSION, '_locales/fr/messages.json'), 'utf8'));

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(path.join(dir, d.name)) : /\.(js|html)$/.test(d.name) ? [path.join(dir, d.name)] : []);
}

test('en and fr have the same keys and placeholders', () => {
  assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
  for (const k of Object.keys(en)) {
    assert.deepEqual(Object.keys(fr[k].placeholders || {}).sort(), Object.keys(en[k].placeholders || {}).sort(), k);
    for (const p of Object.keys(en[k].placeholders || {})) {
      assert.ok(en[k].message.includes('$' + p.toUpperCase() + '$'), `en ${k} uses $${p}$`);
      assert.ok(fr[k].message.includes('$' + p.toUpperCase() + '$'), `fr ${k} uses $${p}$`);
    }
    assert.ok(fr[k].message.trim(), `fr ${k} is empty`);
  }
});

test('every message key used in the code exists', () => {
  const used = new Set();
  for (const file of sources(path.join(EXTENSION, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\('([A-Za-z_]+)'[,)]/g)) used.add(m[1]);
    for (const m of text.matchAll(/data-i18n(?:-placeholder|-aria-label)?="([A-Za-z_]+)"/g)) used.add(m[1]);
    for (const m of text.matchAll(/getMessage\('([A-Za-z_]+)'/g)) used.add(m[1]);
    for (const m of text.matchAll(/'(host(?:Missing|Forbidden|Incompatible|Error))'/g)) used.add(m[1]);
    for (const m of text.matchAll(/__MSG_([A-Za-z_]+)__/g)) used.add(m[1]);
  }
  assert.ok(used.size > 40, 'found the uses');
  const missing = [...used].filter((k) => !en[k]);
  assert.deepEqual(missing, []);
});
