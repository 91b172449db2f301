// Issue 17: every site adapter declares its composers as data, complete in English and
// French, and the fallbacks built from it come in the promised order, ending with the
// generic heuristics. Also the diagnostic: what it says, and that it cannot carry a post.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION, load } from './load.mjs';
import { readSites } from '../../build.mjs';

globalThis.location = globalThis.location || { hostname: 'unit.test', href: 'https://unit.test/', protocol: 'https:' };
const OV = await load('content/adapters/registry.js', 'content/adapter_helpers.js', 'content/composer_finder.js',
  ...readSites(path.join(EXTENSION, 'src/content/adapters')).map((s) => s.file.replace(/^src\//, '')),
  'common/guard_diagnostic.js');
const SITE_ADAPTERS = OV.adapters.all().filter((a) => a.hosts);
const LANGS = ['en', 'fr'];

test('every site adapter has a composers table', () => {
  assert.ok(SITE_ADAPTERS.length >= 13, `${SITE_ADAPTERS.length} site adapters`);
  for (const a of SITE_ADAPTERS) assert.ok(a.composers && typeof a.composers === 'object', `${a.id} declares its composers`);
});

test('every table is complete in English and French: editor labels, Post-control labels, test ids and roles as lists', () => {
  for (const a of SITE_ADAPTERS) {
    const c = a.composers;
    for (const part of ['editor', 'submit']) {
      assert.ok(c[part], `${a.id}.${part}`);
      assert.ok(Array.isArray(c[part].testIds), `${a.id}.${part}.testIds is a list (empty when the site has none)`);
      assert.ok(Array.isArray(c[part].roles), `${a.id}.${part}.roles is a list`);
      for (const lang of LANGS) {
        const labels = c[part].labels && c[part].labels[lang];
        assert.ok(Array.isArray(labels) && labels.length > 0, `${a.id}.${part}.labels.${lang}`);
        for (const l of labels) assert.ok(typeof l === 'string' && l.trim() === l && l.length > 0, `${a.id}.${part}.labels.${lang}: "${l}"`);
      }
      // French is not English copied over: at least one label differs.
      assert.ok(c[part].labels.fr.some((l) => !c[part].labels.en.includes(l)), `${a.id}.${part}: French labels are French`);
    }
    assert.equal(typeof c.keyboard, 'boolean', `${a.id}.keyboard says whether Ctrl/Cmd+Enter submits there`);
    if (c.scope) assert.equal(typeof c.scope, 'string');
  }
});

test('the fallbacks come in order: site, test ids (when any), labels, generic', () => {
  for (const a of SITE_ADAPTERS) {
    const ed = OV.composerFinder.editorStrategies(a).map((s) => s.name);
    const ctl = OV.composerFinder.controlStrategies(a).map((s) => s.name);
    const expect = (hasIds) => ['site', ...(hasIds ? ['testid'] : []), 'labels', 'generic'];
    assert.deepEqual(ed, expect(a.composers.editor.testIds.length > 0), `${a.id} editor`);
    assert.deepEqual(ctl, expect(a.composers.submit.testIds.length > 0), `${a.id} control`);
    assert.equal(ed[0], 'site');
    assert.equal(ed.at(-1), 'generic', `${a.id}: the generic heuristics come last`);
  }
});

test('strategies accept by accessible label in either language, and not by a look-alike', () => {
  const x = OV.adapters.all().find((a) => a.id === 'x');
  const labels = OV.composerFinder.controlStrategies(x).find((s) => s.name === 'labels');
  const el = (attrs, text) => ({ getAttribute: (n) => attrs[n] ?? null, textContent: text, value: undefined });
  assert.equal(labels.accept(el({}, ' Post ')), true);
  assert.equal(labels.accept(el({}, 'Poster')), true, 'French');
  assert.equal(labels.accept(el({ 'aria-label': 'Tout poster' }, '')), true, 'aria-label first');
  assert.equal(labels.accept(el({}, 'Posts')), false);
  assert.equal(labels.accept(el({ 'aria-label': '5 Replies. Reply' }, '')), false, 'a reply counter is not a Post control');
  const editor = OV.composerFinder.editorStrategies(x).find((s) => s.name === 'labels');
  assert.equal(editor.accept(el({ 'aria-label': 'Texte du post' })), true);
  assert.equal(editor.accept(el({ placeholder: 'Search' })), false);
  const testid = OV.composerFinder.editorStrategies(x).find((s) => s.name === 'testid');
  assert.match(testid.selector, /\[data-testid\^="tweetTextarea_"\]/, 'a trailing * is a prefix');
});

test('adapters without a table (the textarea fallback, sites added at run time) keep their own selectors only', () => {
  for (const id of ['textarea', 'generic']) {
    const a = OV.adapters.all().find((x) => x.id === id);
    assert.deepEqual(OV.composerFinder.controlStrategies(a).map((s) => s.name), ['site']);
  }
});

test('the diagnostic names site, adapter, strategies and version, and has no field for a post', () => {
  const report = { state: 'unguarded', site: 'x.com', adapter: 'x', missing: 'control', editorStrategy: 'site', controlStrategy: null,
    tried: { editor: [{ name: 'site', found: 1 }], control: [{ name: 'site', found: 0 }, { name: 'labels', found: 0 }] }, keyboard: true,
    text: 'Projet Edelweiss' };
  const d = OV.guardDiagnostic.text(report, { version: '1.2.3', browser: 'Chromium', date: '2026-01-01' });
  assert.match(d, /site: x\.com/);
  assert.match(d, /adapter: x/);
  assert.match(d, /extension: 1\.2\.3 \(Chromium\)/);
  assert.match(d, /post control: not found/);
  assert.match(d, /control strategies: site found nothing, labels found nothing/);
  assert.match(d, /editor: found by site/);
  assert.ok(!d.includes('Edelweiss'), 'a text field in the report is never written out');
  assert.match(OV.guardDiagnostic.text({ state: 'off' }, { version: '1', date: 'd' }), /state: off/);
});

test('the background, the popup and the page scripts never send the guard state anywhere but the extension', () => {
  for (const f of ['src/background/guard_badge.js', 'src/content/guard_state.js', 'src/content/guard_notice.js', 'src/popup/guard_status.js', 'src/pages/selftest.js']) {
    const text = fs.readFileSync(path.join(EXTENSION, f), 'utf8');
    assert.ok(!/\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket/.test(text), f);
  }
  // The notice cannot be read by the page: closed shadow root.
  assert.match(fs.readFileSync(path.join(EXTENSION, 'src/content/guard_notice.js'), 'utf8'), /attachShadow\(\{ mode: 'closed' \}\)/);
});
