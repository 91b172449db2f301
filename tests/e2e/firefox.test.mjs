// The Firefox build, end to end in Debian's firefox-esr driven over WebDriver BiDi by
// puppeteer-core, with the real ownvoice-host registered the way Firefox finds it
// ($HOME/.mozilla/native-messaging-hosts/org.ownvoice.host.json, allowed_extensions),
// and `web-ext lint` on the shipped Firefox build.
//
// Firefox cannot answer requests for another address the way Playwright's route() does,
// so the fixture pages are served by a local http server under the sites' own names:
// network.dns.localDomains sends x.com and composer.ownvoice.test to 127.0.0.1, and the
// extension is built for the test with http:// twins of its https:// matches
// (build.mjs httpMatches; never in a shipped build).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { build } from '../../extension/build.mjs';
import { REPO, HOST_BIN, POLICY_PATH, POLICY } from './lib/harness.mjs';
import { FIXTURES, FIXTURE_SCRIPT_PATH } from './fixtures/pages.mjs';
import { MORE, SCRIPT_PATH as MORE_SCRIPT_PATH, fixtureFor } from './fixtures/more_pages.mjs';
import { bundle } from './lib/more.mjs';
import { CONFIDENTIAL_POST, FIXED_POST, words } from './lib/flows.mjs';
import * as esbuild from 'esbuild';

const FIREFOX = process.env.OWNVOICE_FIREFOX || '/usr/bin/firefox-esr';
const GECKO_ID = 'ownvoice@ownvoice.org';
const P = '#ownvoice-prompt-host >>> ';  // puppeteer's shadow-piercing combinator

let root; let server; let port; let browser;

async function fixtureBundle(entry) {
  const out = await esbuild.build({
    entryPoints: [path.join(REPO, 'tests/e2e/fixtures', entry)], bundle: true, write: false, format: 'iife',
    target: 'firefox115', logLevel: 'silent', define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
  });
  return out.outputFiles[0].text;
}

// The first four sites' fixtures (pages.mjs) and the share-link composers (more_pages.mjs).
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
  if (url.pathname === MORE_SCRIPT_PATH && referer) {
    const site = fixtureFor(https(referer).href);
    if (site && site.entry) return send('text/javascript', await bundle(site.entry, 'firefox115'));
  }
  const more = fixtureFor(https(url).href);
  if (more) return send('text/html', more.html);
  const site = Object.values(FIXTURES).find((f) => new URL(f.url).hostname === host && new URL(f.url).pathname === url.pathname);
  if (site) return send('text/html', site.html);
  res.writeHead(404); res.end();
}

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ownvoice-firefox-'));
  const home = path.join(root, 'home');
  for (const d of ['data', 'state', 'home/.mozilla/native-messaging-hosts']) fs.mkdirSync(path.join(root, d), { recursive: true });
  fs.writeFileSync(path.join(home, '.mozilla/native-messaging-hosts/org.ownvoice.host.json'), JSON.stringify({
    name: 'org.ownvoice.host', description: 'OwnVoice', path: HOST_BIN, type: 'stdio', allowed_extensions: [GECKO_ID],
  }));
  const dist = build(path.join(root, 'dist'), { flavour: 'dev', httpMatches: true }).dist;

  server = http.createServer((req, res) => { answer(req, res).catch(() => { res.writeHead(500); res.end(); }); });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = server.address().port;

  browser = await puppeteer.launch({
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
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const site = (host, pathAndQuery) => `http://${host}:${port}${pathAndQuery}`;

async function promptState(page, states = []) {
  await page.waitForFunction((wanted) => {
    const h = document.getElementById('ownvoice-prompt-host');
    const s = h && h.getAttribute('data-state');
    return s && (wanted.length ? wanted.includes(s) : s !== 'busy');
  }, { timeout: 15000 }, states);
  return page.$eval('#ownvoice-prompt-host', (h) => h.getAttribute('data-state'));
}
const fixtureText = (page) => page.evaluate(() => window.__fixture.modelText());
const submissions = (page) => page.evaluate(() => window.__fixture.submissions.slice());

async function composerFlow(name, url, composer, submit) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector(composer);
  await page.click(composer);
  await page.keyboard.type(CONFIDENTIAL_POST);
  assert.equal(words(await fixtureText(page)), words(CONFIDENTIAL_POST), `${name}: typed into the editor`);
  await page.click(submit);
  assert.equal(await promptState(page), 'block', `${name}: held and blocked`);
  assert.deepEqual(await submissions(page), []);
  const mark = await page.waitForSelector(P + 'mark[data-rule~="codenames"]');
  assert.match(await mark.evaluate((m) => m.textContent), /Edelweiss/);

  const body = await page.waitForSelector(P + '#ov-body');
  await body.evaluate((el) => { el.select(); });
  await page.keyboard.press('Backspace');
  await body.type(FIXED_POST);
  await (await page.waitForSelector(P + '#ov-recheck')).click();
  assert.notEqual(await promptState(page, ['ok', 'warn', 'block']), 'block');
  const wording = await (await page.waitForSelector(P + '#ov-disclaimer-text')).evaluate((el) => el.value);
  assert.ok(Object.values(POLICY.disclaimers).includes(wording), wording);
  await (await page.waitForSelector(P + '#ov-consent')).click();
  await (await page.waitForSelector(P + '#ov-post:not([disabled])')).click();
  await page.waitForFunction(() => window.__fixture.submissions.length > 0, { timeout: 15000 });
  const [sent] = await submissions(page);
  assert.equal(words(sent), words(FIXED_POST + ' ' + wording), `${name}: the fixed text and the disclaimer reached the site`);
  assert.ok(!sent.includes('Edelweiss'));
  await page.close();
}

test('web-ext lint: the Firefox build has no errors and no warnings', () => {
  const dir = path.join(REPO, 'extension/dist/dev/firefox');
  const out = execFileSync(process.execPath, [path.join(REPO, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const report = JSON.parse(out.slice(out.indexOf('{')));
  assert.deepEqual(report.errors.map((e) => `${e.code}: ${e.message} (${e.file || ''})`), []);
  // No warning either (web-ext is pinned, so this only moves when we change it).
  assert.deepEqual(report.warnings.map((e) => `${e.code}: ${e.message} (${e.file || ''})`), []);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  assert.equal(manifest.browser_specific_settings.gecko.id, GECKO_ID);
});

test('firefox: textarea composer, held, fixed, shared with the disclaimer through the real host', async () => {
  await composerFlow('textarea', site('composer.ownvoice.test', '/post'), FIXTURES.textarea.composer, FIXTURES.textarea.submit);
});

test('firefox: X (Draft.js) composer, held, fixed, shared with the disclaimer', async () => {
  await composerFlow('x', site('x.com', '/compose/post'), FIXTURES.x.composer, FIXTURES.x.submit);
});

test('firefox: an X share link brings the prompt first, then the composer with the checked text', async () => {
  const TEXT = 'Great read on how our team runs remote retrospectives';
  const page = await browser.newPage();
  await page.goto(site('x.com', '/intent/post?' + new URLSearchParams({ text: TEXT })), { waitUntil: 'domcontentloaded' });
  assert.notEqual(await promptState(page), 'block');
  const wording = await (await page.waitForSelector(P + '#ov-disclaimer-text')).evaluate((el) => el.value);
  await (await page.waitForSelector(P + '#ov-consent')).click();
  await (await page.waitForSelector(P + '#ov-post:not([disabled])')).click();
  await page.waitForFunction(() => !location.hash && window.__fixture && window.__fixture.modelText().length > 0, { timeout: 15000 });
  assert.equal(words(await fixtureText(page)), words(`${TEXT} ${wording}`));
  await page.close();
});
