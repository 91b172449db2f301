// Starts Debian's firefox-esr over WebDriver BiDi (puppeteer-core) with the Firefox build
// of the extension and the real ownvoice-host registered the way Firefox finds it
// ($HOME/.mozilla/native-messaging-hosts/org.ownvoice.host.json, allowed_extensions).
//
// Firefox cannot answer requests for another address the way Playwright's route() does,
// so the fixture pages are served by a local http server under the sites' own names:
// network.dns.localDomains sends x.com and composer.ownvoice.test to 127.0.0.1, and the
// extension is built for the test with http:// twins of its https:// matches
// (build.mjs httpMatches; never in a shipped build).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import * as esbuild from 'esbuild';
import { build } from '../../../extension/build.mjs';
import { REPO, HOST_BIN, POLICY_PATH } from './harness.mjs';
import { FIXTURES, FIXTURE_SCRIPT_PATH } from '../fixtures/pages.mjs';
import { SCRIPT_PATH as REPLICA_SCRIPT_PATH, fixtureFor } from '../fixtures/site_replicas.mjs';
import { bundle } from './site_replicas.mjs';

const FIREFOX = process.env.OWNVOICE_FIREFOX || '/usr/bin/firefox-esr';
export const GECKO_ID = 'ownvoice@ownvoice.org';

async function fixtureBundle(entry) {
  const out = await esbuild.build({
    entryPoints: [path.join(REPO, 'tests/e2e/fixtures', entry)], bundle: true, write: false, format: 'iife',
    target: 'firefox115', logLevel: 'silent', define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
  });
  return out.outputFiles[0].text;
}

// The first four sites' fixtures (pages.mjs) and the share-link composers (site_replicas.mjs).
async function answer(req, res) {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const host = url.hostname;
  const referer = req.headers.referer ? new URL(req.headers.referer) : null;
  const send = (type, body) => { res.writeHead(200, { 'content-type': type }); res.end(body); };
  const https = (u) => new URL(u.pathname + u.search, 'https://' + u.hostname);
  if (url.pathname === FIXTURE_SCRIPT_PATH) {
    const site = Object.values(FIXTURES).find((f) => new URL(f.url).hostname === host);
    if (site && site.entry) return send('text/javascript', await fixtureBundle(site.entry));
  }
  if (url.pathname === REPLICA_SCRIPT_PATH && referer) {
    const site = fixtureFor(https(referer).href);
    if (site && site.entry) return send('text/javascript', await bundle(site.entry, 'firefox115'));
  }
  const replica = fixtureFor(https(url).href);
  if (replica) return send('text/html', replica.html);
  const site = Object.values(FIXTURES).find((f) => new URL(f.url).hostname === host && new URL(f.url).pathname === url.pathname);
  if (site) return send('text/html', site.html);
  res.writeHead(404); res.end();
}

// -> {browser, site(host, pathAndQuery), close()}
export async function startFirefox() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ownvoice-firefox-'));
  const home = path.join(root, 'home');
  for (const d of ['data', 'state', 'home/.mozilla/native-messaging-hosts']) fs.mkdirSync(path.join(root, d), { recursive: true });
  fs.writeFileSync(path.join(home, '.mozilla/native-messaging-hosts/org.ownvoice.host.json'), JSON.stringify({
    name: 'org.ownvoice.host', description: 'OwnVoice', path: HOST_BIN, type: 'stdio', allowed_extensions: [GECKO_ID],
  }));
  const dist = build(path.join(root, 'dist'), { flavour: 'dev', httpMatches: true }).dist;

  const server = http.createServer((req, res) => { answer(req, res).catch(() => { res.writeHead(500); res.end(); }); });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;

  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: true,
    env: Object.assign({}, process.env, {
      HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'),
      OWNVOICE_SYSTEM_POLICY: POLICY_PATH, OWNVOICE_DATA_DIR: path.join(root, 'data'), OWNVOICE_STATE_DIR: path.join(root, 'state'),
      OWNVOICE_TEST_FAST_KDF: '1', LANG: 'en_US.UTF-8', LANGUAGE: 'en',
    }),
    extraPrefsFirefox: {
      'network.dns.localDomains': 'x.com,composer.ownvoice.test',
      'network.stricttransportsecurity.preloadlist': false,
      'dom.security.https_first': false, 'dom.security.https_only_mode': false,
      'network.proxy.type': 0, 'intl.locale.requested': 'en-US', 'intl.accept_languages': 'en-US, en',
      // MV3 host permissions are granted at install, as a person accepting the add-on does.
      'extensions.originControls.grantByDefault': true,
    },
  });
  await browser.installExtension(path.join(dist, 'firefox'));
  return {
    browser,
    site: (host, pathAndQuery) => `http://${host}:${port}${pathAndQuery}`,
    async close() {
      await browser.close();
      server.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

// The prompt is an extension page in a frame inside a closed shadow root: reached as
// automation does, through the page's frame tree, found by its address (asked of the
// frame itself: WebDriver BiDi reports an extension frame's address as about:blank).
const PROMPT_PAGE = /^moz-extension:\/\/[^/]+\/src\/prompt\/prompt\.html/;
export async function firefoxPromptFrame(page, timeout = 15000) {
  const until = Date.now() + timeout;
  for (;;) {
    for (const f of page.frames().slice().reverse()) {
      if (f === page.mainFrame() || f.detached) continue;
      let href = '';
      try { href = await f.evaluate(() => location.href + '|' + document.documentElement.getAttribute('data-state')); } catch (_) { continue; }
      if (PROMPT_PAGE.test(href) && !href.endsWith('|closed') && !href.endsWith('|waiting')) return f;
    }
    if (Date.now() > until) throw new Error('no prompt frame');
    await new Promise((r) => setTimeout(r, 25));
  }
}

// The prompt's state: any result (default), or one of `states`.
export async function firefoxPromptState(page, states = []) {
  const until = Date.now() + 15000;
  for (;;) {
    const frame = await firefoxPromptFrame(page);
    let s = null;
    try { s = await frame.evaluate(() => document.documentElement.getAttribute('data-state')); } catch (_) { /* replaced */ }
    if (s && s !== 'waiting' && s !== 'closed' && (states.length ? states.includes(s) : s !== 'busy' && s !== 'checking')) return s;
    if (Date.now() > until) throw new Error('prompt state ' + s);
    await new Promise((r) => setTimeout(r, 25));
  }
}

// storage.local, written from one of the extension's own pages as the options page does:
// here the prompt's page (WebDriver BiDi may not open moz-extension:// pages itself).
export async function setStorageFromPrompt(page, values) {
  const frame = await firefoxPromptFrame(page);
  await frame.evaluate((v) => browser.storage.local.set(v), values);
}
