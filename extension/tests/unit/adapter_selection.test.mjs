// The adapters of issue 6 and what they share: each is chosen on its own hosts; the
// scheduling tools check against the strictest selected network; getters survive
// registration (the generic adapter's selectors arrive after document_start); the
// generic site list merges IT's and the employee's sites and honours refusals.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { EXTENSION, load } from './load.mjs';
import { readSites } from '../../build.mjs';

globalThis.location = globalThis.location || { hostname: 'unit.test', href: 'https://unit.test/', protocol: 'https:' };
const OV = await load('content/adapters/registry.js', 'content/adapter_helpers.js', 'common/site_list.js',
  ...readSites(path.join(EXTENSION, 'src/content/adapters')).map((s) => s.file.replace(/^src\//, '')));
const byId = (id) => OV.adapters.all().find((a) => a.id === id);

test('each new site gets its own adapter first', () => {
  const first = (host) => OV.adapters.forHost(host)[0].id;
  assert.equal(first('mastodon.social'), 'mastodon');
  assert.equal(first('bsky.app'), 'bluesky');
  assert.equal(first('www.instagram.com'), 'instagram');
  assert.equal(first('www.threads.com'), 'threads');
  assert.equal(first('www.threads.net'), 'threads');
  assert.equal(first('www.pinterest.com'), 'pinterest');
  assert.equal(first('www.tumblr.com'), 'tumblr');
  assert.equal(first('www.quora.com'), 'quora');
  assert.equal(first('publish.buffer.com'), 'buffer');
  assert.equal(first('hootsuite.com'), 'hootsuite');
  assert.equal(first('www.reddit.com'), 'reddit');
  assert.equal(first('example.org'), 'generic', 'elsewhere only the fallbacks');
});

test('editor kinds per library: textarea value, TipTap/ProseMirror insertText, Lexical and Draft.js paste', () => {
  const kind = (id) => byId(id).editor;
  assert.deepEqual(['mastodon', 'bluesky', 'threads', 'pinterest', 'buffer', 'reddit'].map(kind), ['value', 'insertText', 'paste', 'paste', 'paste', 'value']);
  assert.equal(kind('instagram'), 'paste', 'no page: the Lexical caption');
});

test('platform per adapter is one the host knows', () => {
  const known = ['x', 'linkedin', 'facebook', 'instagram', 'mastodon', 'bluesky', 'threads', 'pinterest', 'tumblr', 'quora', 'reddit', 'generic'];
  for (const a of OV.adapters.all()) assert.ok(known.includes(a.platform), `${a.id}: ${a.platform}`);
});

test('strictest network: X before Bluesky before Threads/Mastodon before Instagram, LinkedIn, Facebook', () => {
  const s = OV.adapterHelpers.strictest;
  assert.equal(s(['LINKEDIN', 'twitter']), 'x');
  assert.equal(s(['facebook', 'Bluesky']), 'bluesky');
  assert.equal(s(['INSTAGRAM', 'LINKEDIN']), 'instagram');
  assert.equal(s(['linkedin', 'facebook']), 'linkedin');
  assert.equal(s(['mastodon', 'threads']), 'threads');
  assert.equal(s(['tiktok', 'youtube']), 'generic');
  assert.equal(s([]), 'generic');
  assert.equal(byId('buffer').platform, 'x', 'no page: X, the strictest a scheduler publishes to');
});

test('getters survive registration: a late value is read at use', () => {
  let selector = ':not(*)';
  OV.adapters.register({ id: 'late', platform: 'generic', editor: 'value', get composerSelector() { return selector; }, submitSelector: 'button' });
  const late = byId('late');
  assert.equal(late.composerSelector, ':not(*)');
  selector = 'textarea#late';
  assert.equal(late.composerSelector, 'textarea#late');
  assert.ok(Object.isFrozen(late));
});

test('generic adapter: matches nothing until its sites arrive', () => {
  const g = byId('generic');
  assert.equal(g.composerSelector, ':not(*)');
  assert.equal(g.submitSelector, ':not(*)');
  assert.equal(g.platform, 'generic');
  assert.equal(g.editor, 'insertText');
});

test('site list: match patterns, sources merged in order, invalid entries dropped, refusals kept', () => {
  const re = OV.siteList.patternToRegExp;
  assert.ok(re('https://intranet.example.com/*').test('https://intranet.example.com/post/1'));
  assert.ok(!re('https://intranet.example.com/*').test('https://intranet.example.com.evil.org/'));
  assert.ok(re('https://*.example.com/social/*').test('https://a.b.example.com/social/new'));
  assert.ok(re('https://*.example.com/*').test('https://example.com/'));
  assert.ok(re('*://h.example/*').test('http://h.example:8080/x'));
  assert.equal(re('example.com'), null);
  assert.equal(re('https://exa*mple.com/*'), null);

  const site = (id, url) => ({ id, url_match: url, composer_selector: 'textarea', submit_selector: 'button' });
  const list = OV.siteList.merge({
    policy: [site('intranet', 'https://intranet.example.com/*'), { id: 'broken' }],
    managed: [Object.assign(site('social', 'https://social.example.com/*'), { platform: 'x' })],
    employee: [site('mine', 'https://*.example.org/*'), site('bad', 'not a pattern')],
  }, ['managed:social']);
  assert.deepEqual(list.map((s) => [s.key, s.refused, s.platform]),
    [['policy:intranet', false, 'generic'], ['managed:social', true, 'x'], ['employee:mine', false, 'generic']]);
  assert.deepEqual(OV.siteList.forUrl(list, 'https://social.example.com/new').map((s) => s.key), [], 'refused: not applied');
  assert.deepEqual(OV.siteList.forUrl(list, 'https://intranet.example.com/p').map((s) => s.key), ['policy:intranet']);
  assert.deepEqual(OV.siteList.forUrl(list, 'https://blog.example.org/p').map((s) => s.key), ['employee:mine']);
  assert.equal(OV.siteList.originOf('https://*.example.org/a/*'), 'https://*.example.org/*');
  assert.equal(OV.siteList.originOf('*://h.example/*'), 'https://h.example/*');
});

test('Mastodon instance names typed by the employee', () => {
  const m = OV.siteList.mastodonHost;
  assert.equal(m('https://Fosstodon.org/home'), 'fosstodon.org');
  assert.equal(m('mastodon.example'), 'mastodon.example');
  assert.equal(m('not a host'), null);
  assert.equal(m('localhost'), null);
  assert.equal(OV.siteList.hostPattern('fosstodon.org'), 'https://fosstodon.org/*');
});

test('run-time sites: content scripts registered only where granted and not refused; Mastodon instances marked first', async () => {
  const granted = new Set(['https://fosstodon.org/*', 'https://intranet.example.com/*', 'https://refused.example.com/*']);
  let registered = [{ id: 'ov-dyn-stale' }, { id: 'someone-else' }];
  const unregistered = [];
  const local = {
    employeeSites: [{ id: 'board', url_match: 'https://board.example.net/*', composer_selector: 'textarea', submit_selector: 'button' }],
    refusedSites: ['managed:refused'], mastodonInstances: ['fosstodon.org', 'not-granted.social'],
  };
  const listeners = [];
  globalThis.chrome = {
    runtime: { getManifest: () => ({ content_scripts: [{ js: ['a.js', 'b.js'] }] }), id: 'me', onMessage: { addListener: (f) => listeners.push(f) }, getURL: (p) => 'ext://me/' + p },
    storage: {
      managed: { get: async () => ({ sites: [{ id: 'refused', url_match: 'https://refused.example.com/*', composer_selector: 'textarea', submit_selector: 'button' }] }) },
      local: { get: async (defaults) => Object.assign({}, defaults, local), set: async (o) => Object.assign(local, o) },
    },
    permissions: { contains: async ({ origins }) => granted.has(origins[0]), onAdded: { addListener() {} }, onRemoved: { addListener() {} } },
    scripting: {
      getRegisteredContentScripts: async () => registered,
      unregisterContentScripts: async ({ ids }) => { unregistered.push(...ids); },
      registerContentScripts: async (scripts) => { registered = scripts; },
    },
  };
  OV.managed = { managedPolicy: () => null };
  OV.background = { host: {
    onReset() {},
    request: async () => ({ effective: { sites: [{ id: 'intranet', url_match: 'https://intranet.example.com/social/*', composer_selector: '#c', submit_selector: '#s', platform: 'x' }] } }),
  } };
  await load('background/sites.js');
  const r = await OV.sites.refresh();
  assert.deepEqual(unregistered, ['ov-dyn-stale'], 'only our own stale registrations are removed');
  assert.deepEqual(registered.map((s) => [s.id, s.matches[0], s.js[0], s.runAt]), [
    ['ov-dyn-mastodon-fosstodon.org', 'https://fosstodon.org/*', 'src/content/mastodon_instance.js', 'document_start'],
    ['ov-dyn-site-policy_intranet', 'https://intranet.example.com/*', 'a.js', 'document_start'],
  ]);
  assert.equal(r.registered, 2);
  // What a page on the intranet gets back from `ov.sites`.
  const reply = await OV.sites.handlers['ov.sites']({ url: 'https://intranet.example.com/social/new' });
  assert.deepEqual(reply.sites.map((s) => [s.key, s.platform]), [['policy:intranet', 'x']]);
  const none = await OV.sites.handlers['ov.sites']({ url: 'https://refused.example.com/x' });
  assert.deepEqual(none.sites, [], 'a refused site gets nothing');
  // Only the extension's own pages may list or refuse.
  await assert.rejects(() => OV.sites.handlers['ov.sites.refuse']({ key: 'policy:intranet', refused: true }, { url: 'https://evil.example/' }));
  await OV.sites.handlers['ov.sites.refuse']({ key: 'policy:intranet', refused: true }, { url: 'ext://me/src/options/options.html' });
  assert.ok(local.refusedSites.includes('policy:intranet'));
  assert.deepEqual(registered.map((s) => s.id), ['ov-dyn-mastodon-fosstodon.org']);
  delete globalThis.chrome;
});
