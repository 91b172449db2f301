// Issue 17 in Firefox ESR (puppeteer-core over WebDriver BiDi, the real host registered
// in a temporary $HOME): a representative subset of the site adapters, one per editor
// family, X (Draft.js), LinkedIn (Quill), Facebook (Lexical) and Mastodon (textarea):
// renamed classes and Post attributes are still guarded and held; no recognisable Post
// control says "not guarded here" and shows the notice. The toolbar state is read with
// the extension's own API (browser.action.getBadgeText / getTitle) from one of its pages.
// The other nine adapters run the same code paths in Chromium (guard_state.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import * as esbuild from 'esbuild';
import { build } from '../../extension/build.mjs';
import { REPO, HOST_BIN, POLICY_PATH } from './lib/harness.mjs';
import { FIXTURES, FIXTURE_SCRIPT_PATH } from './fixtures/pages.mjs';
import { SCRIPT_PATH as REPLICA_SCRIPT_PATH, fixtureFor } from './fixtures/site_replicas.mjs';
import { bundle } from './lib/site_replicas.mjs';
import { SITES, VARIANT_PARAM, variantHtml, fixtureHtml } from './lib/variants.mjs';
import { firefoxPromptFrame } from './lib/firefox.mjs';

const FIREFOX = process.env.OWNVOICE_FIREFOX || '/usr/bin/firefox-esr';
const GECKO_ID = 'ownvoice@ownvoice.org';
const UUID = '3c9f8a62-5d1e-4b7a-9f0e-0f7e6d1c2b17';  // pinned, so the test can open the extension's pages
const SUBSET = ['x', 'linkedin', 'facebook', 'mastodon'];
const BADGE = { guarded: '✓', unguarded: '!' };
const EDITABLE = '[contenteditable="true"]:not([tabindex="-1"]), textarea';

let root; let server; let port; let browser; let extPage;

async function fixtureBundle(entry) {
  const out = await esbuild.build({
    entryPoints: [path.join(REPO, 'tests/e2e/fixtures', entry)], bundle: true, write: false, format: 'iife',
    target: 'firefox115', logLevel: 'silent', define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
  });
  return out.outputFiles[0].text;
}

async function answer(req, res) {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const https = new URL(url.pathname + url.search, 'https://' + url.hostname);
  const referer = req.headers.referer ? new URL(req.headers.referer) : null;
  const send = (type, body) => { res.writeHead(200, { 'content-type': type }); res.end(body); };
  if (url.pathname === FIXTURE_SCRIPT_PATH) {
    const site = Object.values(FIXTURES).find((f) => new URL(f.url).hostname === url.hostname);
    if (site && site.entry) return send('text/javascript', await fixtureBundle(site.entry));
  }
  if (url.pathname === REPLICA_SCRIPT_PATH && referer) {
    const site = fixtureFor(new URL(referer.pathname, 'https://' + referer.hostname).href);
    if (site && site.entry) return send('text/javascript', await bundle(site.entry, 'firefox115'));
  }
  const site = Object.values(SITES).find((s) => new URL(s.url).hostname === url.hostname && new URL(s.url).pathname === url.pathname);
  if (!site) { res.writeHead(404); return res.end(); }
  const html = fixtureHtml(https.href, fixtureFor);
  const mode = url.searchParams.get(VARIANT_PARAM);
  return send('text/html', mode ? variantHtml(html, { post: site.post, mode }) : html);
}

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ownvoice-ffguard-'));
  const home = path.join(root, 'home');
  for (const d of ['data', 'state', 'home/.mozilla/native-messaging-hosts']) fs.mkdirSync(path.join(root, d), { recursive: true });
  fs.writeFileSync(path.join(home, '.mozilla/native-messaging-hosts/org.ownvoice.host.json'), JSON.stringify({
    name: 'org.ownvoice.host', description: 'OwnVoice', path: HOST_BIN, type: 'stdio', allowed_extensions: [GECKO_ID],
  }));
  const dist = build(path.join(root, 'dist'), { flavour: 'dev', httpMatches: true }).dist;
  server = http.createServer((req, res) => { answer(req, res).catch(() => { res.writeHead(500); res.end(); }); });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = server.address().port;
  const hosts = SUBSET.map((s) => new URL(SITES[s].url).hostname);
  browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: true,
    // Firefox 153 lets WebDriver navigate to moz-extension:// pages only with this flag.
    args: ['--remote-allow-system-access'],
    env: Object.assign({}, process.env, {
      HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'),
      OWNVOICE_SYSTEM_POLICY: POLICY_PATH, OWNVOICE_DATA_DIR: path.join(root, 'data'), OWNVOICE_STATE_DIR: path.join(root, 'state'),
      OWNVOICE_TEST_FAST_KDF: '1', LANG: 'en_US.UTF-8', LANGUAGE: 'en',
    }),
    extraPrefsFirefox: {
      'network.dns.localDomains': hosts.join(','),
      'network.stricttransportsecurity.preloadlist': false,
      'dom.security.https_first': false, 'dom.security.https_only_mode': false,
      'network.proxy.type': 0, 'intl.locale.requested': 'en-US', 'intl.accept_languages': 'en-US, en',
      'extensions.originControls.grantByDefault': true,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
    },
  });
  await browser.installExtension(path.join(dist, 'firefox'));
  extPage = await browser.newPage();
  // The navigation to an extension page does not report its load over BiDi: start it,
  // then wait for the page's own script to have run.
  extPage.goto(`moz-extension://${UUID}/src/pages/selftest.html`, { timeout: 0 }).catch(() => {});
  await extPage.waitForFunction(() => typeof browser !== 'undefined' && !!document.getElementById('run'), { timeout: 20000 });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const local = (url, mode) => {
  const u = new URL(url);
  const out = new URL(`http://${u.hostname}:${port}${u.pathname}${u.search}`);
  if (mode) out.searchParams.set(VARIANT_PARAM, mode);
  return out.href;
};

// The tab's badge, tooltip and the content script's own report, from an extension page.
async function toolbar(url) {
  return extPage.evaluate(async (wanted) => {
    const tab = (await browser.tabs.query({})).find((t) => t.url === wanted);
    if (!tab) return null;
    let report = null;
    try { report = await browser.tabs.sendMessage(tab.id, { type: 'ov.guardQuery' }, { frameId: 0 }); } catch (_) { /* not yet */ }
    return { text: await browser.action.getBadgeText({ tabId: tab.id }), title: await browser.action.getTitle({ tabId: tab.id }), report };
  }, url);
}

async function waitToolbar(page, state) {
  const end = Date.now() + 10000;
  let last = null;
  for (;;) {
    last = await toolbar(page.url());
    if (last && last.text === BADGE[state] && last.report && last.report.state === state) return last;
    if (Date.now() > end) assert.fail(`toolbar for ${page.url()} never said ${state}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

for (const name of SUBSET) {
  test(`firefox ${name}: renamed classes and Post attributes still guarded and held`, async () => {
    const page = await browser.newPage();
    await page.goto(local(SITES[name].url, 'renamed'));
    await page.waitForSelector(EDITABLE);
    const tb = await waitToolbar(page, 'guarded');
    assert.match(tb.title, /OwnVoice: guarded/);
    assert.notEqual(tb.report.controlStrategy, 'site', `found through a fallback (${tb.report.controlStrategy})`);
    await page.click(EDITABLE);
    await page.keyboard.type('A quiet note about our weekend hike');
    const box = await page.evaluate(() => { const r = window.__variantPost.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; });
    await page.mouse.click(box.x, box.y);
    const prompt = await firefoxPromptFrame(page);
    await prompt.waitForSelector('.ov-dialog', { timeout: 15000 });
    assert.deepEqual(await page.evaluate(() => window.__fixture.submissions.slice()), [], 'held before the site saw it');
    await (await prompt.waitForSelector('#ov-cancel')).click();
    await page.close();
  });

  test(`firefox ${name}: no recognisable Post control: "not guarded here" and the notice`, async () => {
    const page = await browser.newPage();
    await page.goto(local(SITES[name].url, 'nocontrol'));
    await page.waitForSelector(EDITABLE);
    const tb = await waitToolbar(page, 'unguarded');
    assert.match(tb.title, /not guarded here/);
    assert.equal(tb.report.missing, 'control');
    await page.waitForSelector('#ownvoice-guard-notice', { timeout: 10000 });
    assert.equal(await page.evaluate(() => document.getElementById('ownvoice-guard-notice').shadowRoot), null, 'closed shadow root');
    assert.equal((await toolbar(page.url())).report.noticeShown, true);
    await page.close();
  });
}
