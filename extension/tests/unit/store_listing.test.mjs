// The store listing (docs/store/en.md, fr.md) says what the shipped manifest asks for: every
// permission and host permission of the release build has its justification in both
// languages, the short description is the manifest's (and fits the stores' 132 characters),
// and the privacy text points at docs/privacy.md.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXTENSION } from './load.mjs';
import { build } from '../../build.mjs';

const REPO = path.resolve(EXTENSION, '..');
const dist = build(fs.mkdtempSync(path.join(os.tmpdir(), 'ownvoice-store-'))).dist;
const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'chromium/manifest.json'), 'utf8'));

for (const lang of ['en', 'fr']) {
  const listing = fs.readFileSync(path.join(REPO, `docs/store/${lang}.md`), 'utf8');
  const messages = JSON.parse(fs.readFileSync(path.join(EXTENSION, `_locales/${lang}/messages.json`), 'utf8'));

  test(`${lang}: every permission the release manifest asks for is justified`, () => {
    const asked = [...manifest.permissions, ...manifest.optional_permissions, ...manifest.host_permissions, ...manifest.optional_host_permissions];
    const missing = asked.filter((p) => !listing.includes('`' + p + '`'));
    assert.deepEqual(missing, []);
  });

  test(`${lang}: name and short description are the manifest's, within 132 characters`, () => {
    const section = (title) => listing.split(/^## /m).find((s) => s.startsWith(title)).split('\n').slice(1).join('\n').trim();
    const [nameTitle, shortTitle] = lang === 'en' ? ['Name', 'Short description'] : ['Nom', 'Description courte'];
    assert.equal(section(nameTitle), messages.extName.message);
    assert.equal(section(shortTitle), messages.extDescription.message);
    assert.ok(messages.extDescription.message.length <= 132, `${messages.extDescription.message.length} characters`);
  });

  test(`${lang}: the privacy practices point at docs/privacy.md and make only the three claims`, () => {
    assert.ok(listing.includes('(../privacy.md)'));
    const lower = listing.toLowerCase();
    for (const claim of lang === 'en' ? ['network connection', 'leaves your device', 'encrypted log'] : ['connexion réseau', 'ne quitte', 'journal chiffré']) {
      assert.ok(lower.includes(claim), claim);
    }
  });
}
